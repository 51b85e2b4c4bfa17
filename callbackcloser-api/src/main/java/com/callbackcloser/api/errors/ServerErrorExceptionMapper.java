package com.callbackcloser.api.errors;

import com.callbackcloser.db.DatabaseErrors;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import org.slf4j.LoggerFactory;

/**
 * Dropwizard's answer to an unexpected exception (500 with an id that is also logged), logging a database error
 * by its SQLState and statement instead of JDBI's text, which holds the statement's bound values.
 */
public final class ServerErrorExceptionMapper extends LoggingExceptionMapper<Throwable> {

    public ServerErrorExceptionMapper() {
        super(LoggerFactory.getLogger(LoggingExceptionMapper.class));
    }

    @Override
    protected void logException(long id, Throwable exception) {
        logger.error(formatLogMessage(id, exception), DatabaseErrors.redacted(exception));
    }
}
