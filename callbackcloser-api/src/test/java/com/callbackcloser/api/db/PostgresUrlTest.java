package com.callbackcloser.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void hostedProviderUrlBecomesJdbcWithSeparateCredentials() {
        PostgresUrl url = PostgresUrl.parse(
                "postgres://app_user:p%40ss%3Aword@ep-cool-name-123.us-east-2.aws.neon.tech/callbacks?sslmode=require");

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://ep-cool-name-123.us-east-2.aws.neon.tech/callbacks?sslmode=require");
        assertThat(url.user()).isEqualTo("app_user");
        assertThat(url.password()).isEqualTo("p@ss:word");
        assertThat(url.host()).isEqualTo("ep-cool-name-123.us-east-2.aws.neon.tech");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void postgresqlSchemeAndPortAreKept() {
        PostgresUrl url = PostgresUrl.parse("postgresql://u@db.internal:6543/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/app");
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).isNull();
    }

    @Test
    void jdbcUrlPassesThrough() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://localhost:5432/app?user=a&password=b");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app?user=a&password=b");
        assertThat(url.user()).isNull();
        assertThat(url.host()).isEqualTo("localhost");
    }

    @Test
    void anythingElseIsRefusedClearly() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://localhost/app")).hasMessageContaining("DATABASE_URL");
        assertThatThrownBy(() -> PostgresUrl.parse("postgres:///app")).hasMessageContaining("no host");
    }
}
