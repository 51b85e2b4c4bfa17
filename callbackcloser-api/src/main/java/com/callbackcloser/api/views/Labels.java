package com.callbackcloser.api.views;

import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.Direction;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.model.Participant;
import java.util.Locale;

/** The words the pages use for the core's states, in one place. */
final class Labels {
    private Labels() {}

    static String status(LeadStatus status) {
        return switch (status) {
            case NEW -> "New";
            case QUALIFIED -> "Qualified";
            case CONTACTED -> "Contacted";
            case BOOKED -> "Booked";
        };
    }

    static String statusClass(LeadStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }

    /** Where the automatic questions are, said from the owner's side. */
    static String conversation(Lead lead) {
        if (lead.ownerReplied()) {
            return "You are texting this caller: the automatic questions are off.";
        }
        if (lead.billingRequired() && !lead.smsStarted()) {
            return "Not texted: the call came in while texting was paused (plan or limit).";
        }
        ConversationState state = lead.conversationState();
        return switch (state) {
            case NOT_STARTED -> "Not texted yet.";
            case AWAITING_SERVICE -> "Texted. Waiting for them to say what they need.";
            case AWAITING_URGENCY -> "Waiting for them to say how urgent it is.";
            case AWAITING_ZIP -> "Waiting for their ZIP code.";
            case AWAITING_BEST_TIME -> "Waiting for the best time to call.";
            case AWAITING_NAME -> "Waiting for their name.";
            case COMPLETED -> "They answered every question.";
        };
    }

    /** Who wrote a message, as the conversation shows it to {@code viewer}. */
    static String author(MessageRecord message, String viewer) {
        if (message.direction() == Direction.INBOUND) {
            return "Caller";
        }
        if (message.participant() == Participant.OWNER) {
            return "Summary texted to you";
        }
        if (message.typedByHand()) {
            return message.sentBy().equals(viewer) ? "You" : "Your team (" + message.sentBy() + ")";
        }
        if (message.deliveryState() == DeliveryState.TWIML_REPLY) {
            return "Automatic answer";
        }
        return message.followUp() ? "Automatic follow-up" : "Automatic text";
    }

    /** An outbound text's delivery: queued, sent, delivered, failed (and why); empty for inbound texts. */
    static String delivery(MessageRecord message) {
        DeliveryState state = message.deliveryState();
        if (state == null) {
            return "";
        }
        String twilio =
                message.twilioStatus() == null ? "" : message.twilioStatus().toLowerCase(Locale.ROOT);
        return switch (state) {
            case QUEUED -> message.attempts() > 0 ? "Queued (retrying)" : "Queued";
            // Being handed to Twilio this moment: for the owner it is queued until Twilio has it.
            case SENDING -> "Queued";
            case SENT ->
                switch (twilio) {
                    case "delivered" -> "Delivered";
                    case "undelivered" -> "Not delivered";
                    case "failed" -> "Failed";
                    case "read" -> "Read";
                    default -> "Sent";
                };
            case FAILED -> "Failed";
            case SUPPRESSED -> "Not sent: opted out";
            case SIMULATED -> "Simulated (no Twilio credentials)";
            case TWIML_REPLY -> "Sent";
        };
    }

    static String deliveryClass(MessageRecord message) {
        String label = delivery(message);
        if (label.startsWith("Failed") || label.startsWith("Not delivered")) {
            return "delivery-failed";
        }
        if (label.startsWith("Not sent")) {
            return "delivery-suppressed";
        }
        if (label.startsWith("Queued")) {
            return "delivery-pending";
        }
        return "delivery-done";
    }

    /** Why a text failed, when it did and Twilio or the outbox said. */
    static String failure(MessageRecord message) {
        String label = delivery(message);
        boolean failed =
                label.startsWith("Failed") || label.startsWith("Not delivered") || label.startsWith("Queued (");
        return failed && message.lastError() != null ? message.lastError() : "";
    }

    /** What Twilio said about the forwarded call: the Dial's status, in words. */
    static String dialOutcome(String dialCallStatus) {
        if (dialCallStatus == null) {
            return "Missed";
        }
        return switch (dialCallStatus.toLowerCase(Locale.ROOT)) {
            case "no-answer" -> "No answer";
            case "busy" -> "Your line was busy";
            case "failed" -> "The call could not be put through";
            case "canceled" -> "The caller hung up before it was answered";
            case "completed" -> "Answered, but not by a person (voicemail)";
            default -> dialCallStatus;
        };
    }
}
