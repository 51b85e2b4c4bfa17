package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.Qualification;
import com.callbackcloser.core.model.TextTemplates;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The qualification conversation as a pure function: a state and a reply in, the next state, the captured
 * answer and the text to send out. No I/O, so every step and synonym is tested directly.
 *
 * <pre>
 * NOT_STARTED        anything                         → AWAITING_SERVICE (service prompt)
 * AWAITING_SERVICE   1/2/3 → the business's labels;
 *                    any other text as given          → AWAITING_URGENCY (lead becomes QUALIFIED)
 * AWAITING_URGENCY   emergency | today | this week | quote (and synonyms) → AWAITING_ZIP
 * AWAITING_ZIP       12345, 12345-6789, or a 3-10 character postal code → AWAITING_BEST_TIME (owner told)
 * AWAITING_BEST_TIME morning | afternoon | evening (and synonyms) → AWAITING_NAME
 * AWAITING_NAME      a name, or skip/no/n/a/na/nothing → COMPLETED
 * COMPLETED          anything                         → COMPLETED ("we already have your request")
 * </pre>
 * A reply that does not answer the question repeats it and leaves the state as it was.
 */
public final class Conversation {
    public static final int MAX_SERVICE_LENGTH = 200;
    public static final int MAX_NAME_LENGTH = 80;

    private static final Map<String, String> URGENCIES = Map.ofEntries(
            Map.entry("1", "Emergency"),
            Map.entry("emergency", "Emergency"),
            Map.entry("urgent", "Emergency"),
            Map.entry("2", "Today"),
            Map.entry("today", "Today"),
            Map.entry("asap", "Today"),
            Map.entry("3", "This week"),
            Map.entry("week", "This week"),
            Map.entry("this week", "This week"),
            Map.entry("4", "Quote"),
            Map.entry("quote", "Quote"),
            Map.entry("estimate", "Quote"));
    private static final Map<String, String> BEST_TIMES = Map.ofEntries(
            Map.entry("1", "Morning"),
            Map.entry("morning", "Morning"),
            Map.entry("am", "Morning"),
            Map.entry("2", "Afternoon"),
            Map.entry("afternoon", "Afternoon"),
            Map.entry("pm", "Afternoon"),
            Map.entry("3", "Evening"),
            Map.entry("evening", "Evening"),
            Map.entry("tonight", "Evening"));
    private static final Set<String> NO_NAME = Set.of("", "skip", "no", "n/a", "na");
    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9 -]{3,10}");
    /** Punctuation and symbols around a choice ("1.", "Today!", "(morning)") do not change it. */
    private static final Pattern SURROUNDING_NOISE = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

    private Conversation() {}

    public static ConversationStep step(
            ConversationState state, String reply, Business business, Qualification answers) {
        return step(state, reply, business, answers, TextTemplates.BUILT_IN);
    }

    /** One step, with the business's own wording for the first and the last text where it set one. */
    public static ConversationStep step(
            ConversationState state, String reply, Business business, Qualification answers, TextTemplates templates) {
        String text = reply == null ? "" : reply.strip();
        return switch (state) {
            case NOT_STARTED ->
                advance(
                        ConversationState.AWAITING_SERVICE,
                        answers,
                        MessageTemplates.firstText(business, templates),
                        false,
                        false);
            case AWAITING_SERVICE -> service(text, business, answers);
            case AWAITING_URGENCY ->
                choice(URGENCIES, text)
                        .map(urgency -> advance(
                                ConversationState.AWAITING_ZIP,
                                answers.withUrgency(urgency),
                                MessageTemplates.zipPrompt(),
                                false,
                                false))
                        .orElseGet(() -> repeat(state, answers, MessageTemplates.urgencyRetry()));
            case AWAITING_ZIP ->
                zip(text)
                        .map(zip -> advance(
                                ConversationState.AWAITING_BEST_TIME,
                                answers.withZip(zip),
                                MessageTemplates.bestTimePrompt(),
                                false,
                                true))
                        .orElseGet(() -> repeat(state, answers, MessageTemplates.zipRetry()));
            case AWAITING_BEST_TIME ->
                choice(BEST_TIMES, text)
                        .map(time -> advance(
                                ConversationState.AWAITING_NAME,
                                answers.withBestTime(time),
                                MessageTemplates.namePrompt(),
                                false,
                                false))
                        .orElseGet(() -> repeat(state, answers, MessageTemplates.bestTimeRetry()));
            case AWAITING_NAME -> name(text, business, answers, templates);
            case COMPLETED ->
                new ConversationStep(
                        ConversationState.COMPLETED,
                        answers,
                        MessageTemplates.alreadyCompleted(business),
                        false,
                        false,
                        false);
        };
    }

    /** Whether a step from this state sends a text the business may have worded (the first or the last). */
    public static boolean usesTemplates(ConversationState state) {
        return state == ConversationState.NOT_STARTED || state == ConversationState.AWAITING_NAME;
    }

    private static ConversationStep service(String text, Business business, Qualification answers) {
        if (text.isEmpty()) {
            return repeat(ConversationState.AWAITING_SERVICE, answers, MessageTemplates.servicePrompt(business));
        }
        String service = switch (stripNoise(text)) {
            case "1" -> business.serviceLabels().first();
            case "2" -> business.serviceLabels().second();
            case "3" -> business.serviceLabels().third();
            default -> truncate(text, MAX_SERVICE_LENGTH);
        };
        return advance(
                ConversationState.AWAITING_URGENCY,
                answers.withService(service, text),
                MessageTemplates.urgencyPrompt(service),
                true,
                false);
    }

    private static ConversationStep name(
            String text, Business business, Qualification answers, TextTemplates templates) {
        String candidate = stripNoise(text);
        String name = NO_NAME.contains(candidate.toLowerCase(Locale.ROOT)) ? null : truncate(text, MAX_NAME_LENGTH);
        return advance(
                ConversationState.COMPLETED,
                answers.withContactName(name),
                MessageTemplates.completionText(business, templates, name),
                false,
                false);
    }

    /** 12345 and 12345-6789 as given; other postal codes (K1A 0B6) of 3 to 10 characters, upper-cased. */
    static Optional<String> zip(String text) {
        if (US_ZIP.matcher(text).matches()) {
            return Optional.of(text);
        }
        if (POSTAL_CODE.matcher(text).matches() && text.chars().anyMatch(Character::isLetterOrDigit)) {
            return Optional.of(text.toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static Optional<String> choice(Map<String, String> choices, String text) {
        String key = stripNoise(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Optional.ofNullable(choices.get(key));
    }

    private static String stripNoise(String text) {
        return SURROUNDING_NOISE.matcher(text).replaceAll("");
    }

    private static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        // Never between the two halves of an emoji's surrogate pair: a lone half is stored as "?".
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    private static ConversationStep advance(
            ConversationState next, Qualification answers, String reply, boolean qualified, boolean notifyOwner) {
        return new ConversationStep(next, answers, reply, true, qualified, notifyOwner);
    }

    private static ConversationStep repeat(ConversationState state, Qualification answers, String reply) {
        return new ConversationStep(state, answers, reply, false, false, false);
    }
}
