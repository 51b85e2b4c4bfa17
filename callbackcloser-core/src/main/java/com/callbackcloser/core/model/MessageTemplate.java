package com.callbackcloser.core.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text a business words itself, with placeholders filled in when it is sent: {@code {business}} (the business
 * name) and {@code {services}} (the reply choices, "1 Repair, 2 Install, 3 Maintenance"). An unknown placeholder,
 * or a brace that is not part of one, is refused rather than sent to a caller as typed. A template that can be
 * the first text a number gets must contain STOP (as in "Reply STOP to opt out"): we refuse it rather than append
 * the wording, so the owner sees exactly what callers get and the segment count shown is the one paid for.
 */
public record MessageTemplate(TemplateKind kind, String body) {
    public static final String BUSINESS = "{business}";
    public static final String SERVICES = "{services}";
    public static final List<String> PLACEHOLDERS = List.of(BUSINESS, SERVICES);
    /** Before placeholders are filled in; the rendered text is held to {@link #MAX_SEGMENTS}. */
    public static final int MAX_LENGTH = 480;
    /** Three parts: 459 GSM-7 characters, 201 UCS-2. More is a letter, not a text. */
    public static final int MAX_SEGMENTS = 3;

    private static final Pattern BRACES = Pattern.compile("\\{[^{}]*}|[{}]");
    /** STOP as a word in capitals, the way carriers and callers know it ("Reply STOP", "STOP=opt out"). */
    private static final Pattern STOP = Pattern.compile("(?<![A-Za-z])STOP(?![A-Za-z])");

    public MessageTemplate {
        Objects.requireNonNull(kind, "kind");
        body = body == null ? null : body.strip();
        String field = kind.field();
        if (body == null || body.isEmpty()) {
            throw new InvalidInputException(field, field + " is empty");
        }
        if (body.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, field + " has at most " + MAX_LENGTH + " characters");
        }
        if (Strings.hasForbiddenCharacter(body.replace('\n', ' '))) {
            throw new InvalidInputException(
                    field, field + " has no control characters (a line break is fine) or noncharacters");
        }
        Matcher braces = BRACES.matcher(body);
        while (braces.find()) {
            if (!PLACEHOLDERS.contains(braces.group())) {
                throw new InvalidInputException(
                        field,
                        field + " uses " + braces.group() + "; the placeholders are " + String.join(" ", PLACEHOLDERS));
            }
        }
        if (kind.firstMessage() && !STOP.matcher(body).find()) {
            throw new InvalidInputException(
                    field,
                    field + " can be a caller's first text from you and must say how to opt out, e.g. "
                            + "\"Reply STOP to opt out\"");
        }
    }

    /** The text for this business, placeholders filled in. */
    public String render(Business business) {
        return render(body, business);
    }

    static String render(String body, Business business) {
        return body.replace(BUSINESS, business.name()).replace(SERVICES, services(business.serviceLabels()));
    }

    public static String services(ServiceLabels labels) {
        return "1 " + labels.first() + ", 2 " + labels.second() + ", 3 " + labels.third();
    }
}
