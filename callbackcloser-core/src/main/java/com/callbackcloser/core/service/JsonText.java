package com.callbackcloser.core.service;

import java.util.Iterator;
import java.util.Map;

/**
 * Just enough JSON to write webhook payloads in core, which has no JSON library: objects of strings, numbers,
 * booleans, nulls and nested objects, keys in the order given. Escapes per RFC 8259.
 */
final class JsonText {
    private JsonText() {}

    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder();
        writeObject(out, fields);
        return out.toString();
    }

    private static void writeObject(StringBuilder out, Map<?, ?> fields) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = fields.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            writeString(out, String.valueOf(entry.getKey()));
            out.append(':');
            writeValue(out, entry.getValue());
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        out.append('}');
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            writeString(out, value.toString());
        }
    }

    private static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Control characters must be escaped; U+2028/9 too, so the body is also valid JavaScript.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
