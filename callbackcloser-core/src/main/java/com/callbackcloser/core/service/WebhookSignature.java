package com.callbackcloser.core.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header of an outbound webhook, Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" keyed with the endpoint's secret>}. The timestamp is signed with the body, so a captured request
 * cannot be replayed later with a fresh timestamp; receivers refuse old ones (we suggest 5 minutes).
 *
 * <p>While a rotated-out secret is in its grace period, a second {@code v1} signed with it follows the first:
 * receivers accept the request when any {@code v1} matches a secret they hold. The new secret's comes first, the
 * old one's last, so a receiver still on the old secret that only reads the last {@code v1} keeps working.
 */
public final class WebhookSignature {
    public static final String HEADER = "CallbackCloser-Signature";

    private WebhookSignature() {}

    public static String header(String secret, long unixSeconds, String body) {
        return header(secret, null, unixSeconds, body);
    }

    /** Signed with {@code secret}, and also with {@code previousSecret} unless it is null. */
    public static String header(String secret, String previousSecret, long unixSeconds, String body) {
        String signed = unixSeconds + "." + body;
        String header = "t=" + unixSeconds + ",v1=" + hmacHex(secret, signed);
        return previousSecret == null ? header : header + ",v1=" + hmacHex(previousSecret, signed);
    }

    /** The receiver's side, as documented; used by the tests and usable as a reference implementation. */
    public static boolean verify(
            String secret, String header, String body, long nowUnixSeconds, long toleranceSeconds) {
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",", -1)) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || Math.abs(nowUnixSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = hmacHex(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            // Every one compared, in constant time: which position matched is not worth a timing signal.
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    private static String hmacHex(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
