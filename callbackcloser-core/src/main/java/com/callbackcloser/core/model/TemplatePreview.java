package com.callbackcloser.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One kind of text as the owner sees it: their template if they set one, and what a caller gets today.
 *
 * @param template empty when the built-in text is used
 * @param text the text rendered for the business as it is now
 * @param segments what {@code text} costs
 */
public record TemplatePreview(
        TemplateKind kind, Optional<MessageTemplate> template, String text, SmsSegments segments) {
    public TemplatePreview {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(segments, "segments");
    }
}
