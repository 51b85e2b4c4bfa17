package com.callbackcloser.api.alerts;

import com.callbackcloser.core.model.PhoneNumbers;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets and phone numbers out of text that leaves the service (alerts go to a chat channel that more
 * people read than the logs): the configured secrets wherever they appear verbatim, and whatever looks like a
 * credential (Stripe keys, signing secrets, our API keys, bearer and basic credentials, JWTs, passwords in URLs
 * and in {@code key=value} pairs). Phone numbers keep their last four digits.
 */
final class SecretRedactor {
    static final String HIDDEN = "****";

    /** Shorter configured values are not searched for: "test" or "1234" would blank out ordinary words. */
    private static final int SHORTEST_SECRET = 8;

    private static final List<Rule> RULES = List.of(
            // Stripe secret, restricted and publishable keys; webhook signing secrets; our own API keys.
            new Rule("\\b((?:sk|rk|pk)_(?:live|test)_)[A-Za-z0-9]+", "$1" + HIDDEN),
            new Rule("\\b(whsec_)[A-Za-z0-9+/=]+", "$1" + HIDDEN),
            new Rule("\\b(cck_)[A-Za-z0-9_-]+", "$1" + HIDDEN),
            new Rule("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]+", "$1$2" + HIDDEN),
            new Rule("\\beyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*", HIDDEN),
            // user:password@ in a URL (a database URL in a connection error).
            new Rule("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s:@]+:[^/\\s@]+@", "$1" + HIDDEN + "@"),
            new Rule(
                    "(?i)\\b((?:webhook_token|token|access_token|api_key|apikey|secret|password|passwd|pwd|auth_token"
                            + "|authorization|signature|sig)=\"?)[^\\s&\",;]+",
                    "$1" + HIDDEN),
            // A Twilio auth token on its own: 32 hex digits (an Account SID has its "AC" in front).
            new Rule("\\b[0-9a-f]{32}\\b", HIDDEN));

    private final List<String> secrets;

    SecretRedactor(Collection<String> configuredSecrets) {
        // Longest first, so that a secret containing another is hidden whole.
        this.secrets = configuredSecrets.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(secret -> secret.length() >= SHORTEST_SECRET)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, HIDDEN);
        }
        for (Rule rule : RULES) {
            redacted = rule.apply(redacted);
        }
        return PhoneNumbers.maskAll(redacted);
    }

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? matcher.replaceAll(replacement) : text;
        }
    }
}
