package com.callbackcloser.core.model;

/**
 * How many SMS a text costs. A text written only in the GSM-7 alphabet is counted in septets (the extension
 * characters such as € and { take two), 160 in one message or 153 per part once it is split; any other
 * character, one curly quote or emoji, switches the whole text to UCS-2, counted in UTF-16 units: 70 in one
 * message or 67 per part.
 *
 * @param characters septets for GSM-7, UTF-16 units for UCS-2
 */
public record SmsSegments(Encoding encoding, int characters, int segments) {
    /** GSM 03.38's basic character set, one septet each. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Its extension table: an escape septet plus one, two each. */
    private static final String EXTENDED = "\f^{}\\[~]|€";

    public enum Encoding {
        GSM_7(160, 153),
        UCS_2(70, 67);

        private final int single;
        private final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }

        int segments(int characters) {
            return characters <= single ? 1 : (characters + perPart - 1) / perPart;
        }
    }

    public static SmsSegments of(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENDED.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return new SmsSegments(Encoding.UCS_2, text.length(), Encoding.UCS_2.segments(text.length()));
            }
        }
        return new SmsSegments(Encoding.GSM_7, septets, Encoding.GSM_7.segments(septets));
    }
}
