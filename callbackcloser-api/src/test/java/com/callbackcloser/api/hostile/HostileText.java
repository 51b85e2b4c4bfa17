package com.callbackcloser.api.hostile;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

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

    private HostileText() {}

    /** Any text, weighted towards the short and the strange. */
    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, text(0, 30)),
                Tuple.of(2, Arbitraries.of(SPECIMENS)),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMaxLength(40)),
                Tuple.of(1, text(200, 2_000)),
                Tuple.of(1, text(5_000, 12_000)));
    }

    /** Strings of code points between the lengths given, from every range that tends to break things. */
    static Arbitrary<String> text(int minLength, int maxLength) {
        return codePoints().list().ofMinSize(minLength).ofMaxSize(maxLength).map(HostileText::fromCodePoints);
    }

    /** High-entropy printable ASCII, which no compression shrinks: for values that end up in an index. */
    static Arbitrary<String> incompressible(int minLength, int maxLength) {
        return Arbitraries.strings().alpha().numeric().ofMinLength(minLength).ofMaxLength(maxLength);
    }

    static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                // NUL has its own specimens: everywhere, it would drown every other case in the same refusal.
                Tuple.of(2, Arbitraries.integers().between(0x01, 0x1f)),
                Tuple.of(1, Arbitraries.of(0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xad)),
                Tuple.of(2, Arbitraries.integers().between(0xa1, 0x07ff)),
                Tuple.of(1, Arbitraries.integers().between(0x0590, 0x06ff)),
                Tuple.of(1, Arbitraries.of(0x200b, 0x200d, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028)),
                Tuple.of(1, Arbitraries.integers().between(0x0800, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                Tuple.of(2, Arbitraries.integers().between(0x1f300, 0x1faff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
    }

    static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder(codePoints.size());
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}
