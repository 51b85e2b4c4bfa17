package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.MessageTemplate;
import com.callbackcloser.core.model.Qualification;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.TemplateKind;
import com.callbackcloser.core.model.TextTemplates;

/**
 * The texts we send. Kept short (one 160-character GSM-7 segment for a typical business name) and in plain
 * ASCII punctuation, because a single curly quote switches the whole text to UCS-2 and 70-character segments.
 */
public final class MessageTemplates {
    public static final String PRODUCT = "CallbackCloser";
    /** A caller's own description of the service is echoed back only when it is label-sized. */
    private static final int MAX_ECHOED_SERVICE = ServiceLabels.MAX_LENGTH;

    private MessageTemplates() {}

    /** The first text to a caller we missed: asks for the service and names the opt-out. */
    public static String servicePrompt(Business business) {
        ServiceLabels labels = business.serviceLabels();
        return "Sorry we missed your call - " + business.name() + " here. What do you need? Reply 1 "
                + labels.first() + ", 2 " + labels.second() + ", 3 " + labels.third()
                + ", or describe it. Reply STOP to opt out.";
    }

    /** The first text to a caller we missed outside the opening hours: same question, no promise of a quick call. */
    public static String afterHoursPrompt(Business business) {
        return business.name() + " is closed now and will call you back. What do you need? Reply "
                + MessageTemplate.services(business.serviceLabels()) + ", or describe it. Reply STOP to opt out.";
    }

    /** The first text: the business's own template when it set one, else {@link #servicePrompt}. */
    public static String firstText(Business business, TextTemplates templates) {
        return templates
                .get(TemplateKind.FIRST_TEXT)
                .map(template -> template.render(business))
                .orElseGet(() -> servicePrompt(business));
    }

    /** The first text outside the opening hours: the business's template, else {@link #afterHoursPrompt}. */
    public static String afterHoursText(Business business, TextTemplates templates) {
        return templates
                .get(TemplateKind.AFTER_HOURS_TEXT)
                .map(template -> template.render(business))
                .orElseGet(() -> afterHoursPrompt(business));
    }

    /** The last text of the conversation: the business's template, else {@link #completed} with the name. */
    public static String completionText(Business business, TextTemplates templates, String name) {
        return templates
                .get(TemplateKind.COMPLETION_TEXT)
                .map(template -> template.render(business))
                .orElseGet(() -> completed(business, name));
    }

    /** What a kind of text reads like for this business, for the owner to check (no caller name yet). */
    public static String preview(TemplateKind kind, Business business, TextTemplates templates) {
        return switch (kind) {
            case FIRST_TEXT -> firstText(business, templates);
            case AFTER_HOURS_TEXT -> afterHoursText(business, templates);
            case COMPLETION_TEXT -> completionText(business, templates, null);
        };
    }

    public static String urgencyPrompt(String service) {
        String echo = service.length() <= MAX_ECHOED_SERVICE ? "Got it: " + service + ". " : "Got it. ";
        return echo + "How urgent is it? Reply 1 Emergency, 2 Today, 3 This week, 4 Just a quote.";
    }

    public static String urgencyRetry() {
        return "Sorry, I didn't get that. Reply 1 Emergency, 2 Today, 3 This week, or 4 Just a quote.";
    }

    public static String zipPrompt() {
        return "Thanks. What's the ZIP code where you need the work done?";
    }

    public static String zipRetry() {
        return "Sorry, that doesn't look like a ZIP code. Please reply with the ZIP, e.g. 12345.";
    }

    public static String bestTimePrompt() {
        return "Thanks! When's the best time to reach you? Reply 1 Morning, 2 Afternoon, 3 Evening.";
    }

    public static String bestTimeRetry() {
        return "Sorry, I didn't get that. Reply 1 Morning, 2 Afternoon, or 3 Evening.";
    }

    public static String namePrompt() {
        return "Last question: what's your name? (Reply SKIP to skip)";
    }

    public static String completed(Business business, String name) {
        return "Thanks" + (name == null ? "" : ", " + name) + "! " + business.name()
                + " has your request and will call you back soon.";
    }

    public static String alreadyCompleted(Business business) {
        return "Thanks, we already have your request. " + business.name() + " will be in touch soon.";
    }

    public static String optedOut(Business business) {
        return "You're unsubscribed from " + business.name()
                + " texts and will get no more. Reply START to resubscribe.";
    }

    public static String optedIn(Business business) {
        return "You're resubscribed to " + business.name() + " texts. Reply STOP to unsubscribe, HELP for help.";
    }

    public static String help(Business business) {
        return PRODUCT + ": missed-call follow-up texts for " + business.name()
                + ". Reply STOP to unsubscribe, START to resubscribe. Msg & data rates may apply.";
    }

    /**
     * The one follow-up to a caller who went quiet: the service question again when that is what they left
     * unanswered (it is the one that needs the options), else a nudge back to our last question.
     */
    public static String followUp(Business business, ConversationState waitingFor) {
        String opening = business.name() + " here again - still need help? ";
        if (waitingFor == ConversationState.AWAITING_SERVICE || waitingFor == ConversationState.NOT_STARTED) {
            ServiceLabels labels = business.serviceLabels();
            return opening + "Reply 1 " + labels.first() + ", 2 " + labels.second() + ", 3 " + labels.third()
                    + ", or describe it. Reply STOP to opt out.";
        }
        return opening + "Just answer our last question and we'll take it from there. Reply STOP to opt out.";
    }

    /** The one-line summary the owner gets once the caller has told us service, urgency and ZIP. */
    public static String ownerSummary(Business business, Lead lead, Qualification answers, String leadLink) {
        return "New lead for " + business.name() + ": " + lead.callerNumber()
                + " - " + orDash(answers.service()) + ", " + orDash(answers.urgency())
                + ", ZIP " + orDash(answers.zip())
                + (answers.bestTime() == null ? "" : ", best time " + answers.bestTime()) + ". " + leadLink;
    }

    public static String usageLimitReached(Business business, int used, int limit) {
        return PRODUCT + ": " + business.name() + " reached its monthly limit (" + used + "/" + limit
                + "). A missed call was recorded, but no follow-up text was sent.";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
