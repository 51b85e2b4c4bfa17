package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Where the development database keeps its data when {@code DATABASE_URL} is unset. */
public class EmbeddedDatabaseConfiguration {
    @NotBlank
    private String directory = ".data/postgres";

    @Min(1024)
    @Max(65535)
    private int port = 54329;

    @NotBlank
    private String databaseName = "callbackcloser";

    @JsonProperty
    public String getDirectory() {
        return directory;
    }

    @JsonProperty
    public void setDirectory(String directory) {
        this.directory = directory;
    }

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int port) {
        this.port = port;
    }

    @JsonProperty
    public String getDatabaseName() {
        return databaseName;
    }

    @JsonProperty
    public void setDatabaseName(String databaseName) {
        this.databaseName = databaseName;
    }
}
