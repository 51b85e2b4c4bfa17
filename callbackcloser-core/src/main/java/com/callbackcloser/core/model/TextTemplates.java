package com.callbackcloser.core.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The templates a business has set, by kind; a kind it has not set uses our built-in text. */
public record TextTemplates(Map<TemplateKind, MessageTemplate> custom) {
    public static final TextTemplates BUILT_IN = new TextTemplates(Map.of());

    public TextTemplates {
        Map<TemplateKind, MessageTemplate> copy = new EnumMap<>(TemplateKind.class);
        custom.forEach((kind, template) -> {
            if (template.kind() != kind) {
                throw new IllegalArgumentException(kind + " holds a " + template.kind() + " template");
            }
            copy.put(kind, template);
        });
        custom = Collections.unmodifiableMap(copy);
    }

    public Optional<MessageTemplate> get(TemplateKind kind) {
        return Optional.ofNullable(custom.get(kind));
    }
}
