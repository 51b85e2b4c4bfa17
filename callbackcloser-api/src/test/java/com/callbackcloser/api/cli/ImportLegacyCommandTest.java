package com.callbackcloser.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the command prints of {@code --from}: where it reads, never the password. */
class ImportLegacyCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres://reader:pa%40ss@old.db.example.test:5432/app?sslmode=require"
                        + "|jdbc:postgresql://old.db.example.test:5432/app as reader",
                "postgresql://reader:secret@old.db.example.test/app|jdbc:postgresql://old.db.example.test/app as reader",
                "jdbc:postgresql://old.db.example.test/app?user=reader&password=secret"
                        + "|jdbc:postgresql://old.db.example.test/app",
                "jdbc:postgresql://reader:secret@old.db.example.test/app|jdbc:postgresql://old.db.example.test/app"
            })
    void theSourceIsDescribedByHostAndDatabaseOnly(String url, String described) {
        String printed = ImportLegacyCommand.describe(ImportLegacyCommand.parseFrom(url));

        assertThat(printed).isEqualTo(described).doesNotContain("secret", "pa@ss", "pa%40ss");
    }

    @ParameterizedTest
    @CsvSource({"mysql://old.example.test/app", "old.example.test:5432/app"})
    void aUrlThatIsNotPostgresIsRefusedAsTheOption(String url) {
        assertThatThrownBy(() -> ImportLegacyCommand.parseFrom(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--from must start with");
    }
}
