package com.callbackcloser.api.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Twilio's REST API on loopback, answering message creates and lists the way api.twilio.com does (status
 * codes, JSON shapes, error codes), so the real twilio-java SDK can be pointed at it.
 */
public final class TwilioFake implements AutoCloseable {
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    public static final String INCOMING_NUMBERS_PATH =
            "/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers.json";

    /** Twilio's format for dates (RFC 2822), as twilio-java parses them. */
    private static final DateTimeFormatter TWILIO_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final WireMockServer server;
    private final HeldResponses held = new HeldResponses();

    public TwilioFake() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .templatingEnabled(true)
                .globalTemplating(true)
                .containerThreads(64)
                .extensions(held));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Forget requests and stubs; requests still held are answered. */
    public void reset() {
        held.reset();
        server.resetAll();
    }

    public void acceptMessages() {
        server.stubFor(createMessage().willReturn(created()));
    }

    public void acceptMessagesAfter(Duration delay) {
        server.stubFor(createMessage().willReturn(created().withFixedDelay((int) delay.toMillis())));
    }

    /** The first {@code failures} creates get {@code status}, then messages are accepted. */
    public void failThenAccept(int failures, int status) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "failed " + i;
            server.stubFor(createMessage()
                    .inScenario("flaky")
                    .whenScenarioStateIs(state)
                    .willReturn(error(status, 20500, "Internal Server Error"))
                    .willSetStateTo(next));
            state = next;
        }
        server.stubFor(
                createMessage().inScenario("flaky").whenScenarioStateIs(state).willReturn(created()));
    }

    /**
     * Every create is accepted, but answered only when the test releases it ({@link HeldResponses}): the test sees
     * each send arrive and decides how long it stays in flight.
     */
    public HeldResponses holdMessages() {
        server.stubFor(createMessage().willReturn(created().withTransformers(HeldResponses.NAME)));
        return held;
    }

    /** The first create is held until the test releases it (past the client's timeout, typically); the rest are answered at once. */
    public HeldResponses holdFirstMessageThenAccept() {
        server.stubFor(createMessage()
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(created().withTransformers(HeldResponses.NAME))
                .willSetStateTo("fast"));
        server.stubFor(
                createMessage().inScenario("slow").whenScenarioStateIs("fast").willReturn(created()));
        return held;
    }

    /** Every create is refused with Twilio's error JSON. */
    public void refuseMessages(int status, int code, String message) {
        server.stubFor(createMessage().willReturn(error(status, code, message)));
    }

    /**
     * GET Messages.json answers with these (sid, body) pairs, newest first, as a one-page list, created now: the
     * lookup after an interrupted send only trusts messages created since its claim (a fixed date here made every
     * lookup miss once the wall clock passed it, and the text was sent again).
     */
    public void listMessages(String from, String to, Map<String, String> sidToBody) {
        listMessages(from, to, sidToBody, Instant.now());
    }

    /** {@link #listMessages(String, String, Map)} with Twilio's {@code date_created} set to {@code created}. */
    public void listMessages(String from, String to, Map<String, String> sidToBody, Instant created) {
        StringBuilder messages = new StringBuilder();
        sidToBody.forEach((sid, body) -> {
            if (messages.length() > 0) {
                messages.append(',');
            }
            messages.append(messageJson(sid, from, to, body, "sent", TWILIO_DATE.format(created)));
        });
        server.stubFor(get(urlPathEqualTo(MESSAGES_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[" + messages + "],\"end\":" + Math.max(0, sidToBody.size() - 1)
                                + ",\"first_page_uri\":\"" + MESSAGES_PATH
                                + "?PageSize=50&Page=0\",\"next_page_uri\":null,"
                                + "\"page\":0,\"page_size\":50,\"previous_page_uri\":null,\"start\":0,"
                                + "\"uri\":\"" + MESSAGES_PATH + "?PageSize=50&Page=0\"}")));
    }

    /** GET Messages.json (the look-up of an interrupted send) answers with Twilio's error JSON. */
    public void refuseLookUps(int status, int code, String message) {
        server.stubFor(get(urlPathEqualTo(MESSAGES_PATH)).willReturn(error(status, code, message)));
    }

    /** How many times the message list was asked for (each look-up of an interrupted send asks once). */
    public int lookUps() {
        return server.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(MESSAGES_PATH)).build())
                .getCount();
    }

    /** US local numbers for sale (any area code asked for gets these). */
    public void hasAvailableNumbers(String... numbers) {
        StringBuilder list = new StringBuilder();
        for (String number : numbers) {
            if (list.length() > 0) {
                list.append(',');
            }
            list.append("""
                    {"friendly_name":"%s","phone_number":"%s","locality":"San Francisco","region":"CA",
                     "iso_country":"US","address_requirements":"none","beta":false,
                     "capabilities":{"voice":true,"SMS":true,"MMS":true}}""".formatted(number, number));
        }
        String path = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/AvailablePhoneNumbers/US/Local.json";
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"available_phone_numbers\":[" + list + "],\"end\":0,\"page\":0,\"page_size\":1,"
                                + "\"start\":0,\"uri\":\"" + path + "?PageSize=1\",\"first_page_uri\":\"" + path
                                + "\",\"next_page_uri\":null,\"previous_page_uri\":null}")));
    }

    /** Buying a number succeeds and it gets this SID. */
    public void sellsNumbers(String sid) {
        server.stubFor(post(urlPathEqualTo(INCOMING_NUMBERS_PATH))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(incomingNumberJson(
                                sid, "{{formData request.body 'form' urlDecode=true}}{{{form.PhoneNumber}}}"))));
    }

    public void refusesNumberPurchases(int status, int code, String message) {
        server.stubFor(post(urlPathEqualTo(INCOMING_NUMBERS_PATH)).willReturn(error(status, code, message)));
    }

    /** The account already has these numbers (sid, number); each can be fetched and updated. */
    public void hasAccountNumbers(Map<String, String> sidToNumber) {
        StringBuilder list = new StringBuilder();
        sidToNumber.forEach((sid, number) -> {
            if (list.length() > 0) {
                list.append(',');
            }
            list.append(incomingNumberJson(sid, number));
            String one = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers/" + sid + ".json";
            server.stubFor(get(urlPathEqualTo(one))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(incomingNumberJson(sid, number))));
            server.stubFor(post(urlPathEqualTo(one))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(incomingNumberJson(sid, number))));
        });
        server.stubFor(get(urlPathEqualTo(INCOMING_NUMBERS_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"incoming_phone_numbers\":[" + list + "],\"end\":0,\"page\":0,\"page_size\":50,"
                                + "\"start\":0,\"uri\":\"" + INCOMING_NUMBERS_PATH + "\",\"first_page_uri\":\""
                                + INCOMING_NUMBERS_PATH + "\",\"next_page_uri\":null,\"previous_page_uri\":null}")));
    }

    /** Updating this number (its webhooks) is refused with Twilio's error JSON; fetching it still works. */
    public void refusesNumberUpdates(String sid, int status, int code, String message) {
        String one = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers/" + sid + ".json";
        server.stubFor(post(urlPathEqualTo(one)).willReturn(error(status, code, message)));
    }

    /** The number updates (webhook changes) received for this SID, as form bodies. */
    public List<Map<String, String>> numberUpdates(String sid) {
        return server
                .findAll(postRequestedFor(urlPathEqualTo(
                        "/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers/" + sid + ".json")))
                .stream()
                .map(TwilioFake::form)
                .toList();
    }

    public List<Map<String, String>> numberPurchases() {
        return server.findAll(postRequestedFor(urlPathEqualTo(INCOMING_NUMBERS_PATH))).stream()
                .map(TwilioFake::form)
                .toList();
    }

    /** The MP3 of a recording, as Twilio serves it at the recording's URL + ".mp3" (basic auth). */
    public void hasRecording(String recordingSid, byte[] mp3) {
        server.stubFor(get(urlPathEqualTo(recordingPath(recordingSid)))
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/mpeg")
                        .withBody(mp3)));
    }

    /** The recording's media URL answers with this content type and body instead of the MP3. */
    public void servesAsRecording(String recordingSid, String contentType, String body) {
        server.stubFor(get(urlPathEqualTo(recordingPath(recordingSid)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    /** The recording's media URL redirects (302) to {@code location}, as Twilio may to a short-lived media URL. */
    public void redirectsRecording(String recordingSid, String location) {
        server.stubFor(get(urlPathEqualTo(recordingPath(recordingSid)))
                .willReturn(aResponse().withStatus(302).withHeader("Location", location)));
    }

    /** The requests for this recording's media, in order. */
    public List<LoggedRequest> recordingRequests(String recordingSid) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(recordingPath(recordingSid))));
    }

    private static String recordingPath(String recordingSid) {
        return "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid + ".mp3";
    }

    public static String recordingUrl(String recordingSid) {
        return "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid;
    }

    /** The form parameters of every message create received, in order. */
    public List<Map<String, String>> sentMessages() {
        return server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))).stream()
                .map(TwilioFake::form)
                .toList();
    }

    public int createRequests() {
        return server.countRequestsMatching(
                        postRequestedFor(urlPathEqualTo(MESSAGES_PATH)).build())
                .getCount();
    }

    public List<LoggedRequest> allRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Override
    public void close() {
        held.releaseAll();
        server.stop();
    }

    private static MappingBuilder createMessage() {
        return post(urlPathEqualTo(MESSAGES_PATH));
    }

    private static ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(messageJson(
                        "SM{{randomValue length=32 type='HEXADECIMAL'}}",
                        "{{formData request.body 'form' urlDecode=true}}{{{form.From}}}",
                        "{{{form.To}}}",
                        "{{{form.Body}}}",
                        "queued",
                        // Never read by the service from a create's answer; a lookup's dates are real (above).
                        "Thu, 26 Nov 2026 12:00:00 +0000"));
    }

    private static String messageJson(
            String sid, String from, String to, String body, String status, String dateCreated) {
        return """
                {"account_sid":"%s","api_version":"2010-04-01","body":"%s",
                 "date_created":"%s","date_sent":null,
                 "date_updated":"%s","direction":"outbound-api","error_code":null,
                 "error_message":null,"from":"%s","messaging_service_sid":null,"num_media":"0","num_segments":"1",
                 "price":null,"price_unit":"USD","sid":"%s","status":"%s",
                 "subresource_uris":{"media":"/2010-04-01/Accounts/%s/Messages/%s/Media.json"},
                 "to":"%s","uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}
                """.formatted(
                ACCOUNT_SID, body, dateCreated, dateCreated, from, sid, status, ACCOUNT_SID, sid, to, ACCOUNT_SID, sid);
    }

    private static String incomingNumberJson(String sid, String number) {
        return """
                {"sid":"%s","account_sid":"%s","friendly_name":"%s","phone_number":"%s","api_version":"2010-04-01",
                 "voice_url":null,"sms_url":null,"status_callback":null,"status":"in-use",
                 "capabilities":{"voice":true,"sms":true,"mms":true},
                 "date_created":"Thu, 26 Nov 2026 12:00:00 +0000","date_updated":"Thu, 26 Nov 2026 12:00:00 +0000",
                 "uri":"/2010-04-01/Accounts/%s/IncomingPhoneNumbers/%s.json"}
                """.formatted(sid, ACCOUNT_SID, number, number, ACCOUNT_SID, sid);
    }

    private static ResponseDefinitionBuilder error(int status, int code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    static Map<String, String> form(Request request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&", -1)) {
            int equals = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
