package com.callbackcloser.db.dao;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.postgresql.PGStatement;

/**
 * A query PostgreSQL must plan for the values of each execution, never once for all: the best plan depends on
 * them. The inbox's search is one: "415" matches nearly every lead (walk the newest first, stop at a page), a full
 * number matches one or none (ask the trigram index); a plan made once for an unknown pattern walks all 100,000
 * leads of a business for a number nobody has. pgjdbc prepares a statement on the server after a few executions
 * and PostgreSQL may then settle on such a generic plan; with a threshold of 0 the statement stays unnamed and is
 * planned each time, for its values (a fraction of a millisecond).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SqlStatementCustomizingAnnotation(PlannedForItsValues.Factory.class)
public @interface PlannedForItsValues {

    /** Sets the statement's prepare threshold to 0 just before it runs. */
    final class Factory implements SqlStatementCustomizerFactory {
        @Override
        public SqlStatementCustomizer createForMethod(Annotation annotation, Class<?> sqlObjectType, Method method) {
            return statement -> statement.addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement prepared, StatementContext context) throws SQLException {
                    prepared.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
            });
        }
    }
}
