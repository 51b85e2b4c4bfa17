package com.callbackcloser.api.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LibpqTargetTest {

    @Test
    void keepsTheTlsSettingsLibpqSharesAndDropsJdbcOnlyOnes() {
        LibpqTarget target = LibpqTarget.fromJdbc(
                "jdbc:postgresql://db.example.com:5432/app?sslmode=require&ApplicationName=cc&prepareThreshold=0",
                "app",
                "s3cret");

        assertThat(target.uri()).isEqualTo("postgresql://app@db.example.com:5432/app?sslmode=require");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/app?sslmode=require");
        assertThat(target.withDatabase("copy").uri())
                .isEqualTo("postgresql://app@db.example.com:5432/copy?sslmode=require");
    }

    @Test
    void neverPutsThePasswordInTheUriButInAPgpassLineWithItsSeparatorsEscaped() {
        LibpqTarget target = LibpqTarget.fromJdbc("jdbc:postgresql://h1:5432,h2:5433/app", "we:ird", "pa:ss\\word");

        assertThat(target.uri())
                .isEqualTo("postgresql://we%3Aird@h1:5432,h2:5433/app")
                .doesNotContain("pa");
        assertThat(target.pgpassLine()).isEqualTo("*:*:*:we\\:ird:pa\\:ss\\\\word\n");
        assertThat(target.toString()).doesNotContain("pa:ss");
        assertThat(LibpqTarget.fromJdbc("jdbc:postgresql://h/app", "postgres", "")
                        .pgpassLine())
                .isEmpty();
    }

    @Test
    void refusesAUrlWithoutHostOrDatabase() {
        assertThatThrownBy(() -> LibpqTarget.fromJdbc("jdbc:postgresql:app", "u", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name its host");
        assertThatThrownBy(() -> LibpqTarget.fromJdbc("jdbc:postgresql://host/", "u", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name its database");
    }
}
