package com.callbackcloser.api.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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
    /** How Twilio writes dates in its JSON (RFC 2822). */
    private static final DateTimeFormatter TWILIO_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    public static final String INCOMING_NUMBERS_PATH =
            "/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers.json";

    private final WireMockServer server;

    public TwilioFake() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .templatingEnabled(true)
                .globalTemplating(true)
                .containerThreads(64));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Forget requests and stubs. */
    public void reset() {
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

    /** The first create is answered only after {@code delay} (past the client's timeout), then promptly. */
    public void slowOnceThenAccept(Duration delay) {
        server.stubFor(createMessage()
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(created().withFixedDelay((int) delay.toMillis()))
                .willSetStateTo("fast"));
        server.stubFor(
                createMessage().inScenario("slow").whenScenarioStateIs("fast").willReturn(created()));
    }

    /** Every create is refused with Twilio's error JSON. */
    public void refuseMessages(int status, int code, String message) {
        server.stubFor(createMessage().willReturn(error(status, code, message)));
    }

    /** GET Messages.json answers with these (sid, body) pairs, newest first, as a one-page list. */
    public void listMessages(String from, String to, Map<String, String> sidToBody) {
        StringBuilder messages = new StringBuilder();
        sidToBody.forEach((sid, body) -> {
            if (messages.length() > 0) {
                messages.append(',');
            }
            messages.append(messageJson(sid, from, to, body, "sent"));
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
        server.stubFor(
                get(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid + ".mp3"))
                        .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "audio/mpeg")
                                .withBody(mp3)));
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
                        "queued"));
    }

    /**
     * Dated now, as Twilio dates a message it just took: a lookup for texts accepted since a send began must find
     * it (a fixed date made the lookup miss every message once that date was past).
     */
    private static String messageJson(String sid, String from, String to, String body, String status) {
        String now = TWILIO_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        return """
                {"account_sid":"%s","api_version":"2010-04-01","body":"%s",
                 "date_created":"%s","date_sent":null,
                 "date_updated":"%s","direction":"outbound-api","error_code":null,
                 "error_message":null,"from":"%s","messaging_service_sid":null,"num_media":"0","num_segments":"1",
                 "price":null,"price_unit":"USD","sid":"%s","status":"%s",
                 "subresource_uris":{"media":"/2010-04-01/Accounts/%s/Messages/%s/Media.json"},
                 "to":"%s","uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}
                """.formatted(ACCOUNT_SID, body, now, now, from, sid, status, ACCOUNT_SID, sid, to, ACCOUNT_SID, sid);
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

    private static Map<String, String> form(LoggedRequest request) {
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
