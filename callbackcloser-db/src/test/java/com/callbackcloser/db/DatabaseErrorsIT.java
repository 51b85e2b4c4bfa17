package com.callbackcloser.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Real PostgreSQL errors, described and redacted: SQLState, statement and constraint kept, values gone. */
class DatabaseErrorsIT {
    private final TestDatabase database = TestDatabase.create();
    private final Jdbi jdbi = database.jdbi();
    private final JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);

    @Test
    void aDuplicateKeyFromADaoIsDescribedByItsStateStatementAndConstraintWithoutTheValue() {
        Business first = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
        Throwable error = catchThrowable(
                () -> TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE, first.twilioNumber(), null));
        assertThat(stackTrace(error)).as("the raw error quotes the number").contains(digits(first.twilioNumber()));

        String described = DatabaseErrors.describe(error);
        Throwable redacted = DatabaseErrors.redacted(error);

        assertThat(DatabaseErrors.involved(error)).isTrue();
        assertThat(described)
                .startsWith("a business with this Twilio number already exists: database error sqlState=23505")
                .contains("statement=BusinessDao.insert")
                .contains("constraint=businesses_twilio_number_key")
                .doesNotContain(digits(first.twilioNumber()));
        assertThat(stackTrace(redacted))
                .doesNotContain(digits(first.twilioNumber()))
                .contains("com.callbackcloser.core.port.out.DuplicateKeyException: a business with this Twilio number")
                .contains("org.jdbi.v3.core.statement.UnableToExecuteStatementException [sqlState=23505")
                .contains("org.postgresql.util.PSQLException [sqlState=23505")
                .contains("at com.callbackcloser.db.adapter.UniqueViolations.translate");
    }

    @Test
    void aFluentStatementWithABadValueIsDescribedWithoutTheValue() {
        Throwable error = catchThrowable(() -> jdbi.useHandle(h -> h.createQuery("SELECT CAST(:phone AS integer)")
                .bind("phone", "phone +14155550123 and the body")
                .mapTo(Integer.class)
                .one()));
        assertThat(stackTrace(error)).contains("4155550123");

        assertThat(DatabaseErrors.describe(error))
                .isEqualTo("database error sqlState=22P02 statement=unnamed (UnableToExecuteStatementException)");
        assertThat(stackTrace(DatabaseErrors.redacted(error)))
                .doesNotContain("4155550123")
                .doesNotContain("the body");
    }

    @Test
    void anErrorWithoutTheDatabaseIsLeftAsItIs() {
        IllegalStateException error = new IllegalStateException("no database here: +14155550123");

        assertThat(DatabaseErrors.involved(error)).isFalse();
        assertThat(DatabaseErrors.describe(error)).isEqualTo(error.toString());
        assertThat(DatabaseErrors.redacted(error)).isSameAs(error);
    }

    private static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
