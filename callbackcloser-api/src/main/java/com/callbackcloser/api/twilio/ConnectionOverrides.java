package com.callbackcloser.api.twilio;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Twilio's webhook connection overrides: the URL fragment ({@code #rc=3&rp=5xx,ct,rt&…}) Twilio reads to decide how
 * long to wait for us and when to try again. By default Twilio retries once, and only when it cannot connect: a 503
 * from us (the database away for a moment) would lose the call's result or the text. The fragment never reaches us
 * (a request target has none) and Twilio leaves it out of the URL it signs, so signature checks are unaffected.
 *
 * <p>Checked against Twilio's documented keys and limits so that a typo refuses to start instead of silently turning
 * retries off (Twilio answers a bad fragment with a debugger warning, e.g. 11243 for an invalid {@code rp}).
 *
 * @param fragment the fragment without its {@code #}; empty for none
 */
public record ConnectionOverrides(String fragment) {
    public static final String DEFAULT = "rc=3&rp=5xx,ct,rt&ct=2000&rt=7000&tt=15000";
    public static final ConnectionOverrides NONE = new ConnectionOverrides("");

    /** Key → [min, max] of Twilio's numeric overrides, in milliseconds except the retry count. */
    private static final Map<String, int[]> NUMERIC = Map.of(
            "ct", new int[] {100, 10_000},
            "rt", new int[] {100, 15_000},
            "tt", new int[] {100, 15_000},
            "rc", new int[] {0, 5});

    private static final Set<String> RETRY_POLICIES = Set.of("4xx", "5xx", "ct", "rt", "all");

    public ConnectionOverrides {
        fragment = fragment == null ? "" : fragment.strip();
        if (fragment.startsWith("#")) {
            fragment = fragment.substring(1);
        }
        String problem = problem(fragment);
        if (problem != null) {
            throw new IllegalArgumentException("twilio.connectionOverrides: " + problem);
        }
    }

    /** The URL with the overrides appended (a URL that already has a fragment is left as it is). */
    public String appendTo(String url) {
        return fragment.isEmpty() || url.indexOf('#') >= 0 ? url : url + "#" + fragment;
    }

    /** Why the fragment is not one Twilio accepts, or null. */
    static String problem(String fragment) {
        if (fragment.isEmpty()) {
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String pair : fragment.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                return "\"" + pair + "\" is not key=value";
            }
            String key = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (!seen.add(key)) {
                return key + " is given twice";
            }
            String wrong = valueProblem(key, value);
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    private static String valueProblem(String key, String value) {
        int[] range = NUMERIC.get(key);
        if (range != null) {
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return key + " is a whole number, not " + value;
            }
            return number < range[0] || number > range[1]
                    ? key + " is from " + range[0] + " to " + range[1] + ", not " + value
                    : null;
        }
        return switch (key) {
            case "rp" -> {
                for (String policy : value.split(",", -1)) {
                    if (!RETRY_POLICIES.contains(policy)) {
                        yield "rp is a comma-separated list of " + RETRY_POLICIES + ", not " + value;
                    }
                }
                yield null;
            }
            case "e" -> value.matches("[a-z0-9-]+") ? null : "e is a Twilio edge name (e.g. ashburn), not " + value;
            case "sni" -> value.equals("y") || value.equals("n") ? null : "sni is y or n, not " + value;
            default -> "unknown key " + key + " (Twilio knows ct, rt, tt, rc, rp, e, sni)";
        };
    }
}
