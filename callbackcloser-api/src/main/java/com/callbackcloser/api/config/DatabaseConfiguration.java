package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Dropwizard's pool settings plus where the database is: {@code url} takes {@code DATABASE_URL} as hosting
 * providers print it ({@code postgres://user:pass@host/db?sslmode=require}) or a JDBC URL; the word
 * {@value #EMBEDDED} means the embedded development database. The JDBC URL, user and password the pool uses
 * are filled in at start.
 */
public class DatabaseConfiguration extends DataSourceFactory {
    public static final String EMBEDDED = "embedded";

    /** A direct (non-pooler) URL for migrations, as {@code MIGRATION_DATABASE_URL}; empty means {@code url}. */
    private String migrationUrl = "";

    @Valid
    @NotNull
    private EmbeddedDatabaseConfiguration embedded = new EmbeddedDatabaseConfiguration();

    public DatabaseConfiguration() {
        setDriverClass("org.postgresql.Driver");
        setUrl(EMBEDDED);
    }

    @JsonProperty
    public String getMigrationUrl() {
        return migrationUrl;
    }

    @JsonProperty
    public void setMigrationUrl(String migrationUrl) {
        this.migrationUrl = migrationUrl == null ? "" : migrationUrl;
    }

    @JsonProperty
    public EmbeddedDatabaseConfiguration getEmbedded() {
        return embedded;
    }

    @JsonProperty
    public void setEmbedded(EmbeddedDatabaseConfiguration embedded) {
        this.embedded = embedded;
    }

    /** No URL configured: development runs on the embedded database. */
    public boolean usesEmbeddedDatabase() {
        return isEmbedded(getUrl());
    }

    public static boolean isEmbedded(String url) {
        return url == null || url.isBlank() || EMBEDDED.equalsIgnoreCase(url.strip());
    }
}
