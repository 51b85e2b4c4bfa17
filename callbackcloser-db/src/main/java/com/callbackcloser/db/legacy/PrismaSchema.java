package com.callbackcloser.db.legacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The old app's tables and the columns the import reads, as its Prisma schema left them after its four
 * migrations (the last added Lead.usageLimitNotifiedAt). A database without one of them is not the old app's, or
 * not at its last version: the import refuses it rather than guess.
 */
final class PrismaSchema {
    static final Map<String, List<String>> COLUMNS = columns();

    private PrismaSchema() {}

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put(
                "Business",
                List.of(
                        "id",
                        "ownerClerkId",
                        "name",
                        "forwardingNumber",
                        "notifyPhone",
                        "missedCallSeconds",
                        "serviceLabel1",
                        "serviceLabel2",
                        "serviceLabel3",
                        "timezone",
                        "twilioPhoneNumber",
                        "twilioPhoneNumberSid",
                        "twilioWebhookSyncedAt",
                        "stripeCustomerId",
                        "stripeSubscriptionId",
                        "stripePriceId",
                        "subscriptionStatus",
                        "subscriptionStatusUpdatedAt",
                        "createdAt",
                        "updatedAt"));
        tables.put(
                "SmsConsent",
                List.of(
                        "id",
                        "businessId",
                        "phoneNormalized",
                        "phoneRawLastSeen",
                        "optedOut",
                        "optedOutAt",
                        "optedInAt",
                        "lastKeyword",
                        "lastMessageSid",
                        "createdAt",
                        "updatedAt"));
        tables.put(
                "Call",
                List.of(
                        "id",
                        "businessId",
                        "twilioCallSid",
                        "parentCallSid",
                        "dialCallSid",
                        "fromPhone",
                        "fromPhoneNormalized",
                        "toPhone",
                        "toPhoneNormalized",
                        "dialCallStatus",
                        "status",
                        "callDurationSeconds",
                        "dialCallDurationSeconds",
                        "recordingSid",
                        "recordingUrl",
                        "recordingStatus",
                        "recordingDurationSeconds",
                        "answered",
                        "missed",
                        "rawPayload",
                        "createdAt",
                        "updatedAt"));
        tables.put(
                "Lead",
                List.of(
                        "id",
                        "businessId",
                        "callId",
                        "callerPhone",
                        "callerPhoneNormalized",
                        "status",
                        "billingRequired",
                        "smsState",
                        "serviceRequested",
                        "serviceSelectionRaw",
                        "urgency",
                        "zipCode",
                        "bestTime",
                        "contactName",
                        "ownerNotifiedAt",
                        "usageLimitNotifiedAt",
                        "smsStartedAt",
                        "smsCompletedAt",
                        "lastInboundAt",
                        "lastOutboundAt",
                        "lastInteractionAt",
                        "createdAt",
                        "updatedAt"));
        tables.put(
                "Message",
                List.of(
                        "id",
                        "businessId",
                        "leadId",
                        "twilioSid",
                        "direction",
                        "participant",
                        "fromPhone",
                        "toPhone",
                        "body",
                        "status",
                        "rawPayload",
                        "twilioCreatedAt",
                        "createdAt",
                        "updatedAt"));
        return tables;
    }

    /** What of the schema is not among {@code present} ("table.column" names): whole tables, then columns. */
    static List<String> missing(Set<String> presentTables, Set<String> presentColumns) {
        List<String> missing = new ArrayList<>();
        COLUMNS.forEach((table, columns) -> {
            if (!presentTables.contains(table)) {
                missing.add("table \"" + table + "\"");
                return;
            }
            for (String column : columns) {
                if (!presentColumns.contains(table + "." + column)) {
                    missing.add("column \"" + table + "\".\"" + column + "\"");
                }
            }
        });
        return missing;
    }
}
