package com.callbackcloser.api.hostile;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} in both directions, for building and signing hostile bodies. */
final class Forms {
    private Forms() {}

    /** One name=value pair; a form may repeat a name. */
    record Param(String name, String value) {}

    static byte[] encode(List<Param> params) {
        return params.stream()
                .map(p -> URLEncoder.encode(p.name(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** What a strict reader makes of the pairs: each name's first value, as Twilio's signature covers them. */
    static Map<String, String> firstValues(List<Param> params) {
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach(p -> form.putIfAbsent(p.name(), p.value()));
        return form;
    }

    /**
     * Reads a body the way the form specification says, strictly (UTF-8 only, every escape complete), so a
     * hostile body that is still a form can be signed and get past authentication; empty when it is not a form.
     */
    static Optional<Map<String, String>> parse(byte[] body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.length == 0) {
            return Optional.of(form);
        }
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals));
            Optional<String> value = equals < 0 ? Optional.of("") : decode(pair.substring(equals + 1));
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            form.putIfAbsent(name.get(), value.get());
        }
        return Optional.of(form);
    }

    private static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                return Optional.empty();
            } else {
                bytes.write(c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
