package com.callbackcloser.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseIT {

    @Test
    void keepsItsDataAcrossRestartsAndLetsASecondProcessAttach() throws Exception {
        Path directory = Files.createTempDirectory("cc-embedded");
        int port = freePort();

        try (EmbeddedDatabase first = EmbeddedDatabase.startOrAttach(directory, port, "callbackcloser")) {
            assertThat(first.startedByThisProcess()).isTrue();
            execute(first, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");

            try (EmbeddedDatabase attached = EmbeddedDatabase.startOrAttach(directory, port, "callbackcloser")) {
                assertThat(attached.startedByThisProcess()).isFalse();
                assertThat(attached.jdbcUrl()).isEqualTo(first.jdbcUrl());
            }
            // Closing the attached one must not have stopped the server.
            assertThat(query(first)).isEqualTo("still here");
        }

        try (EmbeddedDatabase restarted = EmbeddedDatabase.startOrAttach(directory, port, "callbackcloser")) {
            assertThat(restarted.startedByThisProcess()).isTrue();
            assertThat(query(restarted)).isEqualTo("still here");
        }
    }

    @Test
    void theBundledServerIsTheVersionItSaysItIs() throws Exception {
        Path directory = Files.createTempDirectory("cc-embedded");
        try (EmbeddedDatabase database = EmbeddedDatabase.startOrAttach(directory, freePort(), "callbackcloser");
                Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                Statement s = c.createStatement();
                var rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1) / 10_000).isEqualTo(EmbeddedDatabase.SERVER_MAJOR_VERSION);
        }
    }

    @Test
    void refusesADataDirectoryOfAnotherMajorVersionAndSaysWhatToDo() throws Exception {
        Path directory = Files.createTempDirectory("cc-embedded");
        Files.writeString(directory.resolve("PG_VERSION"), "17\n");

        assertThatThrownBy(() -> EmbeddedDatabase.startOrAttach(directory, freePort(), "callbackcloser"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds data of PostgreSQL 17")
                .hasMessageContaining("EMBEDDED_DB_DIR");
        assertThat(Files.readString(directory.resolve("PG_VERSION"))).isEqualTo("17\n");
    }

    private static void execute(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(EmbeddedDatabase database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT value FROM kept")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
