package com.callbackcloser.db;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What may be said about a database failure in a log or an alert. JDBI's exception text lists the statement's
 * bound arguments, and PostgreSQL's its values (the failing row of a check constraint, the duplicate key, the
 * input it could not parse): callers' phone numbers and what they wrote. What is said instead is the SQLState, the
 * statement's name (the DAO method, as in its {@code /* Dao.method *}{@code /} comment) and the constraint.
 */
public final class DatabaseErrors {
    private static final Pattern LEADING_COMMENT = Pattern.compile("^\\s*/\\*\\s*([\\w$.]+)\\s*\\*/");

    private DatabaseErrors() {}

    /** Whether {@code error} or one of its causes came from the database. */
    public static boolean involved(Throwable error) {
        return firstDatabaseError(error) != null;
    }

    /**
     * {@code error.toString()} when the database is not involved; otherwise, e.g. {@code database error
     * sqlState=23514 statement=MessageDao.insertInbound constraint=messages_body_check
     * (UnableToExecuteStatementException)}, with the message of our own exception in front when there is one.
     */
    public static String describe(Throwable error) {
        Throwable database = firstDatabaseError(error);
        if (database == null) {
            return String.valueOf(error);
        }
        String ours = isOurs(error) && error != database && error.getMessage() != null ? error.getMessage() + ": " : "";
        return ours + "database error " + facts(error) + " ("
                + database.getClass().getSimpleName() + ")";
    }

    /**
     * {@code error} itself when the database is not involved; otherwise a copy of its chain of causes that names the
     * same classes and keeps the same stack traces, with messages that hold no values (see {@link #describe}).
     */
    public static Throwable redacted(Throwable error) {
        return involved(error) ? copy(error, Collections.newSetFromMap(new IdentityHashMap<>())) : error;
    }

    /** {@link #redacted(Throwable)}, for rethrowing. */
    public static RuntimeException redacted(RuntimeException error) {
        return involved(error) ? copy(error, Collections.newSetFromMap(new IdentityHashMap<>())) : error;
    }

    private static RedactedException copy(Throwable error, Set<Throwable> seen) {
        seen.add(error);
        Throwable cause = error.getCause();
        RedactedException copiedCause = cause == null || seen.contains(cause) ? null : copy(cause, seen);
        RedactedException copy = new RedactedException(error.getClass().getName() + safeMessage(error), copiedCause);
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                copy.addSuppressed(copy(suppressed, seen));
            }
        }
        return copy;
    }

    /** What of one link's message may be kept: our own words, or the database facts; nothing from elsewhere. */
    private static String safeMessage(Throwable error) {
        if (isDatabaseError(error)) {
            return " [" + facts(error) + "]";
        }
        if (isOurs(error) && error.getMessage() != null) {
            return ": " + error.getMessage();
        }
        return "";
    }

    private static String facts(Throwable error) {
        StringBuilder facts = new StringBuilder("sqlState=").append(sqlState(error));
        String statement = statementName(error);
        if (statement != null) {
            facts.append(" statement=").append(statement);
        }
        String constraint = constraint(error);
        if (constraint != null) {
            facts.append(" constraint=").append(constraint);
        }
        return facts.toString();
    }

    private static String sqlState(Throwable error) {
        for (Throwable link = error; link != null; link = link.getCause()) {
            if (link instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (link.getCause() == link) {
                break;
            }
        }
        return "unknown";
    }

    /** The DAO method that ran the statement, from JDBI's context or the comment our template engine writes. */
    private static String statementName(Throwable error) {
        for (Throwable link = error; link != null; link = link.getCause()) {
            if (link instanceof StatementException statement && statement.getStatementContext() != null) {
                StatementContext context = statement.getStatementContext();
                ExtensionMethod method = context.getExtensionMethod();
                if (method != null) {
                    return method.getType().getSimpleName() + "."
                            + method.getMethod().getName();
                }
                String sql = context.getRenderedSql() != null ? context.getRenderedSql() : context.getRawSql();
                Matcher comment = LEADING_COMMENT.matcher(sql == null ? "" : sql);
                return comment.find() ? comment.group(1) : "unnamed";
            }
            if (link.getCause() == link) {
                break;
            }
        }
        return null;
    }

    private static String constraint(Throwable error) {
        for (Throwable link = error; link != null; link = link.getCause()) {
            if (link instanceof PSQLException psql) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return server == null ? null : server.getConstraint();
            }
            if (link.getCause() == link) {
                break;
            }
        }
        return null;
    }

    private static Throwable firstDatabaseError(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable link = error; link != null && seen.add(link); link = link.getCause()) {
            if (isDatabaseError(link)) {
                return link;
            }
        }
        return null;
    }

    private static boolean isDatabaseError(Throwable error) {
        return error instanceof JdbiException || error instanceof SQLException;
    }

    /** Our exceptions' messages are written by us, from ids and rules, never from bound values. */
    private static boolean isOurs(Throwable error) {
        return error.getClass().getName().startsWith("com.callbackcloser.") && !(error instanceof RedactedException);
    }

    /**
     * Stands in for each exception of a chain that involved the database: its message names the original class
     * and keeps only what {@link DatabaseErrors} may say; its stack trace is the original's.
     */
    public static final class RedactedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
