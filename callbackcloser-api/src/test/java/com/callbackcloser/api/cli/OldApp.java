package com.callbackcloser.api.cli;

import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.core.model.UsagePeriod;
import com.callbackcloser.db.testing.LegacyDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * An old app's database with rows of every kind, as the old app would have left them: three businesses (one
 * texting, one near its monthly limit, one cancelled without a number), STOP and START records, calls with and
 * without recordings, a lead mid-conversation, one whose call the old app deleted, one from a caller who had
 * opted out, and a transcript with the texts the old app sent, received and answered as TwiML.
 */
final class OldApp {
    /**
     * When the old app stopped, once for the test run: the seeded times and what the tests expect of them are
     * relative to it. Whole seconds: Prisma keeps milliseconds, and the comparisons here are of instants.
     */
    @SuppressWarnings("TimeInStaticInitializer") // one fixed "now" for the whole run is the point
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** The start of this month in the plans' zone: where the quota's period begins. */
    static final Instant MONTH_START =
            UsagePeriod.monthContaining(NOW, ZoneId.of("America/New_York")).start();

    static final String PLUMBER = "clplumber0000000000000001";
    static final String PLUMBER_OWNER = "user_2PlumberOwner";
    static final String PLUMBER_NUMBER = "+14155550100";
    static final String PLUMBER_NUMBER_SID = "PN0123456789abcdef0123456789abcd01";
    static final String PLUMBER_FORWARDING = "+14155550199";
    static final String PLUMBER_NOTIFY = "+14155550177";
    static final Instant PLUMBER_SYNCED = NOW.minus(Duration.ofDays(40));

    static final String ELECTRIC = "clelectric000000000000001";
    static final String ELECTRIC_OWNER = "user_2ElectricOwner";
    static final String ELECTRIC_NUMBER = "+14155550200";

    static final String DORMANT = "cldormant0000000000000001";
    static final String DORMANT_OWNER = "user_2DormantOwner";
    static final Instant DORMANT_CANCELED_AT = NOW.minus(Duration.ofDays(10));

    /** Said STOP to the plumber; the old app left the lead of their next missed call NOT_STARTED. */
    static final String STOPPED_CALLER = "+14155550166";
    /** Said STOP, then START. */
    static final String RESTARTED_CALLER = "+14155550167";
    /** A short code's STOP: not a phone number, kept as given. */
    static final String SHORT_CODE = "12345";
    /** Picked a service, was asked how urgent it is; has not answered yet. */
    static final String MID_CALLER = "+14155550142";

    static final String NO_CALL_CALLER = "+14155550143";

    static final String LEAD_MID = "clleadmid0000000000000001";
    static final String LEAD_NO_CALL = "clleadnocall0000000000001";
    static final String LEAD_STOPPED = "clleadstop00000000000001";
    static final String CALL_MID = "clcallmid0000000000000001";
    static final String CALL_ANSWERED = "clcallans0000000000000001";

    static final int BUSINESSES = 3;
    static final int CONSENTS = 3;
    static final int CALLS = 6;
    static final int LEADS = 6;
    static final int MESSAGES = 7;

    private OldApp() {}

    static LegacyDatabase seeded() {
        LegacyDatabase old = LegacyDatabase.create();
        seed(old);
        return old;
    }

    static void seed(LegacyDatabase old) {
        Instant created = NOW.minus(Duration.ofDays(60));
        old.row("Business")
                .set("id", PLUMBER)
                .set("ownerClerkId", PLUMBER_OWNER)
                .set("name", "Acme Plumbing")
                .set("forwardingNumber", PLUMBER_FORWARDING)
                .set("notifyPhone", PLUMBER_NOTIFY)
                .set("missedCallSeconds", 25)
                .set("serviceLabel1", "Leaks")
                .set("serviceLabel2", "Heaters")
                .set("serviceLabel3", "Drains")
                .set("timezone", "America/Los_Angeles")
                .set("twilioPhoneNumber", PLUMBER_NUMBER)
                .set("twilioPhoneNumberSid", PLUMBER_NUMBER_SID)
                .set("twilioWebhookSyncedAt", PLUMBER_SYNCED)
                .set("stripeCustomerId", "cus_plumber")
                .set("stripeSubscriptionId", "sub_plumber")
                .set("stripePriceId", StripeFake.PRICE_STARTER)
                .set("subscriptionStatus", "ACTIVE")
                .set("subscriptionStatusUpdatedAt", created.plusSeconds(60))
                .set("createdAt", created)
                .set("updatedAt", created.plusSeconds(60))
                .insert();
        old.row("Business")
                .set("id", ELECTRIC)
                .set("ownerClerkId", ELECTRIC_OWNER)
                .set("name", "Volt Electric")
                .set("forwardingNumber", "+14155550299")
                .set("twilioPhoneNumber", ELECTRIC_NUMBER)
                .set("twilioPhoneNumberSid", "PN0123456789abcdef0123456789abcd02")
                .set("stripeCustomerId", "cus_electric")
                .set("stripeSubscriptionId", "sub_electric")
                .set("stripePriceId", StripeFake.PRICE_STARTER)
                .set("subscriptionStatus", "ACTIVE")
                .set("subscriptionStatusUpdatedAt", created)
                .set("createdAt", created.plusSeconds(1))
                .insert();
        old.row("Business")
                .set("id", DORMANT)
                .set("ownerClerkId", DORMANT_OWNER)
                .set("name", "Quiet Carpentry")
                .set("forwardingNumber", "(415) 555-0399")
                .set("stripeCustomerId", "cus_dormant")
                .set("stripeSubscriptionId", "sub_dormant")
                .set("stripePriceId", StripeFake.PRICE_STARTER)
                .set("subscriptionStatus", "CANCELED")
                .set("subscriptionStatusUpdatedAt", DORMANT_CANCELED_AT)
                .set("createdAt", created.plusSeconds(2))
                .insert();

        old.row("SmsConsent")
                .set("id", "clconsentstop000000000001")
                .set("businessId", PLUMBER)
                .set("phoneNormalized", STOPPED_CALLER)
                .set("phoneRawLastSeen", "(415) 555-0166")
                .set("optedOut", true)
                .set("optedOutAt", NOW.minus(Duration.ofDays(20)))
                .set("lastKeyword", "STOP")
                .set("lastMessageSid", "SMstop000000000000000000000000001")
                .set("createdAt", NOW.minus(Duration.ofDays(20)))
                .insert();
        old.row("SmsConsent")
                .set("id", "clconsentstart00000000001")
                .set("businessId", PLUMBER)
                .set("phoneNormalized", RESTARTED_CALLER)
                .set("optedOut", false)
                .set("optedOutAt", NOW.minus(Duration.ofDays(30)))
                .set("optedInAt", NOW.minus(Duration.ofDays(25)))
                .set("lastKeyword", "START")
                .set("createdAt", NOW.minus(Duration.ofDays(30)))
                .set("updatedAt", NOW.minus(Duration.ofDays(25)))
                .insert();
        old.row("SmsConsent")
                .set("id", "clconsentshort00000000001")
                .set("businessId", PLUMBER)
                .set("phoneNormalized", SHORT_CODE)
                .set("optedOut", true)
                .set("optedOutAt", NOW.minus(Duration.ofDays(15)))
                .set("lastKeyword", "STOPALL")
                .set("createdAt", NOW.minus(Duration.ofDays(15)))
                .insert();

        Instant midCall = NOW.minus(Duration.ofHours(1));
        call(old, CALL_MID, PLUMBER, "CAmid00000000000000000000000000001", MID_CALLER, PLUMBER_NUMBER, midCall)
                .set("dialCallSid", "CAmiddial000000000000000000000001")
                .set("dialCallStatus", "no-answer")
                .set("status", "MISSED")
                .set("missed", true)
                .set("callDurationSeconds", 31)
                .set("dialCallDurationSeconds", 0)
                .set(
                        "rawPayload",
                        "{\"CallSid\":\"CAmid00000000000000000000000000001\",\"DialCallStatus\":\"no-answer\"}")
                .insert();
        call(
                        old,
                        CALL_ANSWERED,
                        PLUMBER,
                        "CAans00000000000000000000000000001",
                        "+14155550144",
                        PLUMBER_NUMBER,
                        NOW.minus(Duration.ofDays(3)))
                .set("dialCallStatus", "completed")
                .set("status", "ANSWERED")
                .set("answered", true)
                .set("callDurationSeconds", 95)
                .set("dialCallDurationSeconds", 80)
                .set("recordingSid", "RE0123456789abcdef0123456789abcd01")
                .set("recordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE01")
                .set("recordingStatus", "completed")
                .set("recordingDurationSeconds", 78)
                .set(
                        "rawPayload",
                        "{\"CallSid\":\"CAans00000000000000000000000000001\",\"DialCallStatus\":\"completed\"}")
                .insert();
        call(
                        old,
                        "clcallstop000000000000001",
                        PLUMBER,
                        "CAstop0000000000000000000000000001",
                        "(415) 555-0166",
                        PLUMBER_NUMBER,
                        NOW.minus(Duration.ofDays(2)))
                .set("fromPhoneNormalized", STOPPED_CALLER)
                .set("dialCallStatus", "busy")
                .set("status", "MISSED")
                .set("missed", true)
                .insert();

        old.row("Lead")
                .set("id", LEAD_MID)
                .set("businessId", PLUMBER)
                .set("callId", CALL_MID)
                .set("callerPhone", MID_CALLER)
                .set("callerPhoneNormalized", MID_CALLER)
                .set("status", "QUALIFIED")
                .set("smsState", "AWAITING_URGENCY")
                .set("serviceRequested", "Leaks")
                .set("serviceSelectionRaw", "1")
                .set("smsStartedAt", midCall.plusSeconds(30))
                .set("lastOutboundAt", midCall.plusSeconds(300))
                .set("lastInboundAt", midCall.plusSeconds(290))
                .set("lastInteractionAt", midCall.plusSeconds(300))
                .set("createdAt", midCall)
                .set("updatedAt", midCall.plusSeconds(300))
                .insert();
        Instant noCall = NOW.minus(Duration.ofDays(5));
        old.row("Lead")
                .set("id", LEAD_NO_CALL)
                .set("businessId", PLUMBER)
                .set("callerPhone", NO_CALL_CALLER)
                .set("callerPhoneNormalized", NO_CALL_CALLER)
                .set("status", "BOOKED")
                .set("smsState", "COMPLETED")
                .set("serviceRequested", "Heaters")
                .set("serviceSelectionRaw", "2")
                .set("urgency", "This week")
                .set("zipCode", "94110")
                .set("bestTime", "Evening")
                .set("contactName", "Dana")
                .set("ownerNotifiedAt", noCall.plusSeconds(600))
                .set("smsStartedAt", noCall.plusSeconds(20))
                .set("smsCompletedAt", noCall.plusSeconds(900))
                .set("lastInteractionAt", noCall.plusSeconds(900))
                .set("createdAt", noCall)
                .set("updatedAt", noCall.plusSeconds(900))
                .insert();
        old.row("Lead")
                .set("id", LEAD_STOPPED)
                .set("businessId", PLUMBER)
                .set("callId", "clcallstop000000000000001")
                .set("callerPhone", "(415) 555-0166")
                .set("callerPhoneNormalized", STOPPED_CALLER)
                .set("createdAt", NOW.minus(Duration.ofDays(2)))
                .insert();

        message(old, "clmsg00000000000000000001", LEAD_MID, "OUTBOUND", PLUMBER_NUMBER, MID_CALLER)
                .set("body", "Sorry we missed your call at Acme Plumbing! Reply 1 Leaks, 2 Heaters, 3 Drains.")
                .set("twilioSid", "SMmid00000000000000000000000000001")
                .set("status", "delivered")
                .set("twilioCreatedAt", midCall.plusSeconds(31))
                .set("createdAt", midCall.plusSeconds(30))
                .insert();
        message(old, "clmsg00000000000000000002", LEAD_MID, "INBOUND", MID_CALLER, PLUMBER_NUMBER)
                .set("body", "1")
                .set("twilioSid", "SMmid00000000000000000000000000002")
                .set("status", "received")
                .set("rawPayload", "{\"MessageSid\":\"SMmid00000000000000000000000000002\",\"Body\":\"1\"}")
                .set("createdAt", midCall.plusSeconds(290))
                .insert();
        message(old, "clmsg00000000000000000003", LEAD_MID, "OUTBOUND", PLUMBER_NUMBER, MID_CALLER)
                .set("body", "Got it: Leaks. How urgent is it? 1 Emergency, 2 Today, 3 This week, 4 Just a quote")
                .set("twilioSid", "SMmid00000000000000000000000000003")
                .set("status", "sent")
                .set("createdAt", midCall.plusSeconds(300))
                .insert();
        message(old, "clmsg00000000000000000004", LEAD_NO_CALL, "OUTBOUND", PLUMBER_NUMBER, PLUMBER_NOTIFY)
                .set("participant", "OWNER")
                .set("body", "New lead for Acme Plumbing: +14155550143, Heaters, This week, ZIP 94110")
                .set("twilioSid", "SMown00000000000000000000000000001")
                .set("status", "delivered")
                .set("createdAt", noCall.plusSeconds(600))
                .insert();
        message(old, "clmsg00000000000000000005", LEAD_NO_CALL, "OUTBOUND", PLUMBER_NUMBER, NO_CALL_CALLER)
                .set("body", "Thanks Dana, we will call you this evening.")
                .set("status", "failed")
                .set("createdAt", noCall.plusSeconds(901))
                .insert();
        message(old, "clmsg00000000000000000006", null, "INBOUND", STOPPED_CALLER, PLUMBER_NUMBER)
                .set("body", "STOP")
                .set("twilioSid", "SMstop000000000000000000000000001")
                .set("status", "received")
                .set("createdAt", NOW.minus(Duration.ofDays(20)))
                .insert();
        message(old, "clmsg00000000000000000007", null, "OUTBOUND", PLUMBER_NUMBER, STOPPED_CALLER)
                .set("body", "You are unsubscribed from Acme Plumbing texts. Reply START to resubscribe.")
                .set("createdAt", NOW.minus(Duration.ofDays(20)).plusMillis(5))
                .insert();

        // The electric business: two conversations started this month (in the plans' zone), one just before it.
        int index = 0;
        for (Instant started : new Instant[] {
            MONTH_START.minus(Duration.ofHours(1)),
            MONTH_START.plus(Duration.ofHours(1)),
            MONTH_START.plus(Duration.ofHours(2))
        }) {
            index++;
            String caller = "+141555502" + (10 + index);
            String callId = "clcallelectric00000000000" + index;
            call(old, callId, ELECTRIC, "CAelectric000000000000000000000" + index, caller, ELECTRIC_NUMBER, started)
                    .set("dialCallStatus", "no-answer")
                    .set("status", "MISSED")
                    .set("missed", true)
                    .insert();
            old.row("Lead")
                    .set("id", "clleadelectric00000000000" + index)
                    .set("businessId", ELECTRIC)
                    .set("callId", callId)
                    .set("callerPhone", caller)
                    .set("callerPhoneNormalized", caller)
                    .set("smsState", "AWAITING_SERVICE")
                    .set("smsStartedAt", started)
                    .set("createdAt", started)
                    .insert();
        }
    }

    private static LegacyDatabase.Row call(
            LegacyDatabase old, String id, String business, String sid, String from, String to, Instant at) {
        return old.row("Call")
                .set("id", id)
                .set("businessId", business)
                .set("twilioCallSid", sid)
                .set("fromPhone", from)
                .set("fromPhoneNormalized", from)
                .set("toPhone", to)
                .set("toPhoneNormalized", to)
                .set("status", "RECEIVED")
                .set("createdAt", at);
    }

    private static LegacyDatabase.Row message(
            LegacyDatabase old, String id, String lead, String direction, String from, String to) {
        LegacyDatabase.Row row = old.row("Message")
                .set("id", id)
                .set("businessId", PLUMBER)
                .set("direction", direction)
                .set("fromPhone", from)
                .set("toPhone", to);
        return lead == null ? row : row.set("leadId", lead);
    }
}
