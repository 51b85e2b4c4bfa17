package com.callbackcloser.core.model;

import java.util.Objects;

/** One field of an audited change; {@code from} or {@code to} is null where there was or is no value. */
public record FieldChange(String field, String from, String to) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
    }
}
