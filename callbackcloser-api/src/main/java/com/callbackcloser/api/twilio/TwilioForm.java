package com.callbackcloser.api.twilio;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters of a form-encoded Twilio webhook, parsed once by {@link TwilioWebhookAuthenticator} (which
 * needs them for the signature) and handed to the resource as a request property.
 */
public final class TwilioForm {
    static final String PROPERTY = TwilioForm.class.getName();

    /** The parameters that end up as database keys (unique indexes, the rate limiter's counters). */
    private static final Set<String> IDENTIFIERS = Set.of(
            "AccountSid",
            "CallSid",
            "ParentCallSid",
            "DialCallSid",
            "MessageSid",
            "SmsSid",
            "SmsMessageSid",
            "RecordingSid",
            "From",
            "To");

    /**
     * Far above any real identifier (a SID has 34 characters, a SIP address a few dozen) and far below what a
     * PostgreSQL index entry can hold (about 2.7 kB): past that, an insert fails however often Twilio retries.
     */
    static final int MAX_IDENTIFIER_LENGTH = 256;

    private final Map<String, String> params;

    TwilioForm(Map<String, String> params) {
        this.params = Collections.unmodifiableMap(params);
    }

    public static TwilioForm of(ContainerRequestContext request) {
        Object form = request.getProperty(PROPERTY);
        if (!(form instanceof TwilioForm twilioForm)) {
            throw new IllegalStateException("resource is not annotated @TwilioWebhook");
        }
        return twilioForm;
    }

    /** The parameter, trimmed; empty when absent or blank. */
    public Optional<String> get(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String getOrNull(String name) {
        return get(name).orElse(null);
    }

    /** The parameter as a whole number; absent or unparsable is null, as Twilio leaves some fields empty. */
    public Integer getInteger(String name) {
        return get(name)
                .map(value -> {
                    try {
                        return Integer.valueOf(value);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                })
                .orElse(null);
    }

    public Map<String, String> asMap() {
        return params;
    }

    /** Sorted, for storing as the raw payload. */
    public Map<String, String> sorted() {
        return new TreeMap<>(params);
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} UTF-8. Repeated names keep their first value (Twilio
     * sends none). Malformed escapes, bytes that are not UTF-8 and NUL characters are refused rather than
     * guessed at.
     */
    static Map<String, String> parse(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.length == 0) {
            return params;
        }
        String text = new String(body, StandardCharsets.US_ASCII);
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Why the parameters cannot be stored, if they cannot: an identifier too long to be a key. */
    static Optional<String> unstorable(Map<String, String> params) {
        return IDENTIFIERS.stream()
                .filter(name -> params.getOrDefault(name, "").length() > MAX_IDENTIFIER_LENGTH)
                .sorted()
                .findFirst()
                .map(name -> name + " is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad percent escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                throw new IllegalArgumentException("unencoded non-ASCII byte");
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
        // PostgreSQL stores U+0000 neither in text nor in jsonb, and no Twilio parameter carries one.
        if (decoded.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("NUL character");
        }
        return decoded;
    }
}
