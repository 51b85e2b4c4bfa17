package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.twilio.TwilioSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code smoke config.yml --url … --business … --caller … --api-key …}: the runbook's live smoke test. It plays
 * Twilio against a deployment (signed with the configuration's auth token over its APP_URL): an incoming call,
 * a missed dial, an SMS reply, STOP and START; then checks through the owner API that the lead and its messages
 * are there. One pass/fail line per step; exits non-zero when any fails. Texts really go to {@code --caller}.
 */
public final class SmokeCommand extends OperatorCommand {
    private static final Set<String> MISSED_CALL_DECISIONS =
            Set.of("text_queued", "text_suppressed", "already_texted", "billing_inactive", "usage_limit_reached");

    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SmokeCommand() {
        this(System.out);
    }

    SmokeCommand(PrintStream out) {
        super("smoke", "Run the live smoke test against a deployment");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--url")
                .required(true)
                .help("where to send the requests (default: the deployment is at APP_URL)");
        subparser.addArgument("--business").required(true).help("the business id to call");
        subparser.addArgument("--caller").required(true).help("a phone you own: it receives the texts");
        subparser.addArgument("--api-key").dest("apiKey").required(true).help("an API key of a member of the business");
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config)
            throws Exception {
        Smoke smoke = new Smoke(
                namespace.getString("url").replaceAll("/+$", ""),
                config,
                namespace.getString("apiKey"),
                namespace.getString("caller"),
                bootstrap.getObjectMapper());
        String business = namespace.getString("business");
        List<Boolean> results = new ArrayList<>();

        JsonNode found = smoke.ownerGet("/api/businesses/" + business);
        String twilioNumber = found == null ? null : found.path("twilioNumber").asText(null);
        results.add(step(
                "owner API shows the business and its Twilio number",
                twilioNumber != null,
                found == null ? "not visible with this API key" : "no Twilio number"));
        if (twilioNumber == null) {
            throw new CommandFailedException("smoke test stopped: the business has no Twilio number");
        }
        String callSid = "CAsmoke" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> voice = smoke.twilio(
                "/api/twilio/voice",
                Map.of(
                        "CallSid",
                        callSid,
                        "From",
                        smoke.caller,
                        "To",
                        twilioNumber,
                        "CallStatus",
                        "ringing",
                        "Direction",
                        "inbound"));
        results.add(step(
                "incoming call is forwarded (<Dial>)",
                voice.statusCode() == 200 && voice.body().contains("<Dial"),
                describe(voice)));
        HttpResponse<String> dial = smoke.twilio(
                "/api/twilio/status",
                Map.of(
                        "CallSid",
                        callSid,
                        "From",
                        smoke.caller,
                        "To",
                        twilioNumber,
                        "DialCallStatus",
                        "no-answer",
                        "CallStatus",
                        "completed"));
        results.add(step(
                "missed call is recorded",
                dial.statusCode() == 200 && MISSED_CALL_DECISIONS.contains(decision(dial)),
                describe(dial)));
        HttpResponse<String> reply = smoke.sms(twilioNumber, "1");
        results.add(step("an SMS reply is accepted", reply.statusCode() == 200, describe(reply)));
        HttpResponse<String> stop = smoke.sms(twilioNumber, "STOP");
        results.add(step(
                "STOP opts out (answered inline)",
                stop.statusCode() == 200
                        && "opted_out".equals(decision(stop))
                        && stop.body().contains("<Message>"),
                describe(stop)));
        HttpResponse<String> start = smoke.sms(twilioNumber, "START");
        results.add(step(
                "START opts back in (answered inline)",
                start.statusCode() == 200
                        && "opted_in".equals(decision(start))
                        && start.body().contains("<Message>"),
                describe(start)));

        JsonNode leads = smoke.ownerGet("/api/businesses/" + business + "/leads?limit=20");
        JsonNode lead = null;
        if (leads != null) {
            for (JsonNode candidate : leads.path("leads")) {
                if (smoke.caller.equals(candidate.path("callerNumber").asText())) {
                    lead = candidate;
                    break;
                }
            }
        }
        results.add(step("the lead is visible in the owner API", lead != null, "no lead for the caller"));
        if (lead != null) {
            JsonNode detail = smoke.ownerGet(
                    "/api/businesses/" + business + "/leads/" + lead.path("id").asText());
            List<String> inbound = new ArrayList<>();
            if (detail != null) {
                detail.path("transcript").forEach(message -> {
                    if ("INBOUND".equals(message.path("direction").asText())) {
                        inbound.add(message.path("body").asText());
                    }
                });
            }
            results.add(step(
                    "its transcript has the reply, STOP and START",
                    inbound.containsAll(List.of("1", "STOP", "START")),
                    "inbound messages: " + inbound));
        }
        long failed = results.stream().filter(passed -> !passed).count();
        out.println(failed == 0 ? "SMOKE TEST PASSED" : "SMOKE TEST FAILED: " + failed + " step(s)");
        if (failed > 0) {
            throw new CommandFailedException(failed + " smoke step(s) failed");
        }
    }

    private boolean step(String name, boolean passed, String detail) {
        out.println((passed ? "PASS  " : "FAIL  ") + name + (passed ? "" : "  (" + detail + ")"));
        return passed;
    }

    private static String decision(HttpResponse<String> response) {
        return response.headers().firstValue("X-CallbackCloser-Decision").orElse("");
    }

    private static String describe(HttpResponse<String> response) {
        return "HTTP " + response.statusCode() + ", decision " + decision(response);
    }

    /** The deployment, seen as Twilio and as an owner. */
    private final class Smoke {
        private final String baseUrl;
        private final CallbackCloserConfiguration config;
        private final String apiKey;
        private final String caller;
        private final ObjectMapper json;

        Smoke(String baseUrl, CallbackCloserConfiguration config, String apiKey, String caller, ObjectMapper json) {
            this.baseUrl = baseUrl;
            this.config = config;
            this.apiKey = apiKey;
            this.caller = caller;
            this.json = json;
        }

        HttpResponse<String> sms(String twilioNumber, String body) throws IOException, InterruptedException {
            String sid = "SMsmoke" + UUID.randomUUID().toString().replace("-", "");
            return twilio(
                    "/api/twilio/sms",
                    Map.of(
                            "MessageSid",
                            sid,
                            "SmsSid",
                            sid,
                            "From",
                            caller,
                            "To",
                            twilioNumber,
                            "Body",
                            body,
                            "NumMedia",
                            "0"));
        }

        /** A webhook as Twilio sends it: form-encoded, signed over APP_URL, the shared token when configured. */
        HttpResponse<String> twilio(String path, Map<String, String> params) throws IOException, InterruptedException {
            Map<String, String> form = new LinkedHashMap<>(params);
            form.put("AccountSid", config.getTwilio().getAccountSid());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
            if (!config.getTwilio().getAuthToken().isBlank()) {
                request.header(
                        "X-Twilio-Signature",
                        TwilioSigner.sign(config.getTwilio().getAuthToken(), config.getAppUrl() + path, form));
            }
            if (!config.getTwilio().getWebhookAuthToken().isBlank()) {
                request.header("X-Webhook-Token", config.getTwilio().getWebhookAuthToken());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode ownerGet(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + apiKey)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        }

        private String encode(Map<String, String> form) {
            return form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }
}
