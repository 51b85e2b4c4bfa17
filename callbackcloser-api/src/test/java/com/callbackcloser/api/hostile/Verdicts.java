package com.callbackcloser.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** What an answer to hostile input may be. */
final class Verdicts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Verdicts() {}

    /**
     * A Twilio webhook's answer: a 4xx, or a 200 whose body is well-formed XML with a {@code <Response>} root, as
     * a real XML parser (the kind Twilio runs) reads it. Never a 5xx: a 500 is a bug, and a 503 asks Twilio to
     * retry a request that can never succeed.
     */
    static Document twimlOr4xx(RawHttp.Request request, RawHttp.Answer answer) {
        String context = answer.describe() + "\n  to " + request.describe();
        if (answer.status() >= 400 && answer.status() < 500) {
            return null;
        }
        assertThat(answer.status()).as(context).isEqualTo(200);
        assertThat(answer.header("Content-Type").orElse("")).as(context).startsWith("application/xml");
        Document twiml = xml(answer.body(), context);
        assertThat(twiml.getDocumentElement().getTagName()).as(context).isEqualTo("Response");
        return twiml;
    }

    /**
     * An owner API answer to hostile JSON: accepted (2xx, JSON), or a 4xx with Dropwizard's error JSON
     * ({@code {"code":<status>,"message":"…"}}, a 422 also naming the field). Never a 5xx.
     */
    static JsonNode ownerAnswer(RawHttp.Request request, RawHttp.Answer answer) {
        String context = answer.describe() + "\n  to " + request.describe();
        assertThat(answer.status()).as(context).isBetween(200, 499);
        if (answer.status() == 204) {
            return null;
        }
        JsonNode json = json(answer, context);
        if (answer.status() >= 400) {
            assertThat(json.path("code").asInt()).as(context).isEqualTo(answer.status());
            assertThat(json.path("message").isTextual()).as(context).isTrue();
            if (answer.status() == 422) {
                assertThat(json.path("field").isTextual()).as(context).isTrue();
            }
        }
        return json;
    }

    /**
     * An owner API answer to a request whose request line or headers are odd (a path with {@code %25}, a
     * Content-Type of {@code ;}): as {@link #ownerAnswer}, except that a 4xx may also be the bare or HTML refusal
     * Jetty and Jersey give such a request before any resource or exception mapper sees it.
     */
    static void ownerAnswerToAnOddRequest(RawHttp.Request request, RawHttp.Answer answer) {
        String context = answer.describe() + "\n  to " + request.describe();
        assertThat(answer.status()).as(context).isBetween(200, 499);
        if (answer.status() == 204 || answer.header("Content-Type").orElse("").startsWith("application/json")) {
            ownerAnswer(request, answer);
        } else {
            assertThat(answer.status()).as(context).isBetween(400, 499);
        }
    }

    /** A 4xx with Dropwizard's error JSON. */
    static JsonNode jsonError(RawHttp.Request request, RawHttp.Answer answer) {
        String context = answer.describe() + "\n  to " + request.describe();
        assertThat(answer.status()).as(context).isBetween(400, 499);
        JsonNode json = json(answer, context);
        assertThat(json.path("code").asInt()).as(context).isEqualTo(answer.status());
        assertThat(json.path("message").isTextual()).as(context).isTrue();
        return json;
    }

    static JsonNode json(RawHttp.Answer answer, String context) {
        assertThat(answer.header("Content-Type").orElse("")).as(context).startsWith("application/json");
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            return fail("not JSON: " + context, e);
        }
    }

    static Document xml(byte[] body, String context) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" to stderr before throwing; the exception says it all.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            return fail("not well-formed XML: " + context, e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
