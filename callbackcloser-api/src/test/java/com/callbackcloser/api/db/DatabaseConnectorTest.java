package com.callbackcloser.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import org.junit.jupiter.api.Test;

class DatabaseConnectorTest {

    @Test
    void throughAPoolerTheDriverNeverReliesOnServerSidePreparedStatements() {
        CallbackCloserConfiguration config =
                configuredWith("postgres://app:pw@ep-cool-123-pooler.us-east-2.aws.neon.tech/app?sslmode=require");

        DatabaseConnector.forService(config);

        assertThat(config.getDatabase().getProperties()).containsEntry("prepareThreshold", "0");
        assertThat(config.getDatabase().getUrl())
                .isEqualTo("jdbc:postgresql://ep-cool-123-pooler.us-east-2.aws.neon.tech/app?sslmode=require");
        assertThat(config.getDatabase().getUser()).isEqualTo("app");
    }

    @Test
    void aDirectHostKeepsTheDriversDefaultsAndAnExplicitSettingWins() {
        CallbackCloserConfiguration direct =
                configuredWith("postgres://app:pw@ep-cool-123.us-east-2.aws.neon.tech/app?sslmode=require");
        DatabaseConnector.forService(direct);
        assertThat(direct.getDatabase().getProperties()).doesNotContainKey("prepareThreshold");

        CallbackCloserConfiguration explicit =
                configuredWith("jdbc:postgresql://pgbouncer.internal:6432/app?prepareThreshold=5");
        DatabaseConnector.forService(explicit);
        assertThat(explicit.getDatabase().getProperties()).doesNotContainKey("prepareThreshold");
    }

    @Test
    void recognisesTheCommonPoolers() {
        assertThat(PostgresUrl.parse("postgres://u@ep-x-pooler.eu-central-1.aws.neon.tech/db")
                        .isPooler())
                .isTrue();
        assertThat(PostgresUrl.parse("postgres://u@aws-0-us-east-1.pooler.supabase.com:5432/db")
                        .isPooler())
                .isTrue();
        assertThat(PostgresUrl.parse("postgres://u@db.abc.supabase.co:6543/db").isPooler())
                .isTrue();
        assertThat(PostgresUrl.parse("postgres://u@db.abc.supabase.co:5432/db").isPooler())
                .isFalse();
        assertThat(PostgresUrl.parse("jdbc:postgresql://localhost:5432/db").isPooler())
                .isFalse();
    }

    private static CallbackCloserConfiguration configuredWith(String url) {
        CallbackCloserConfiguration config = new CallbackCloserConfiguration();
        config.getDatabase().setUrl(url);
        return config;
    }
}
