package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What {@code restore-drill} needs: PostgreSQL's client tools. */
public class BackupConfiguration {
    /** The directory holding pg_dump and pg_restore; empty: look them up on the PATH. */
    private String pgBin = "";

    @JsonProperty
    public String getPgBin() {
        return pgBin;
    }

    @JsonProperty
    public void setPgBin(String pgBin) {
        this.pgBin = pgBin == null ? "" : pgBin.strip();
    }
}
