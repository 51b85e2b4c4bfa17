package com.callbackcloser.db.adapter;

import com.callbackcloser.core.port.out.DuplicateKeyException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.StatementException;

/** Turns Postgres's unique_violation into the core's {@link DuplicateKeyException}. */
final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    static <T> T translate(String message, Supplier<T> write) {
        try {
            return write.get();
        } catch (StatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new DuplicateKeyException(message, e);
            }
            throw e;
        }
    }
}
