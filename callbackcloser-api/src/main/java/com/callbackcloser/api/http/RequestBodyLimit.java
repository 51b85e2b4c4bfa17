package com.callbackcloser.api.http;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * At most 1 MiB of request body, answered 413 (Dropwizard's error JSON) beyond it. A declared Content-Length over
 * the cap is refused before anything is read; a body without one (chunked) is counted as it is read and refused
 * the moment it passes the cap, so neither the wait nor the memory grows with what a client sends. The largest
 * legitimate owner API body (a week of opening hours, text templates) is a few kilobytes; the webhooks read theirs
 * under their own, smaller caps first.
 *
 * <p>Runs after authentication: an anonymous client gets its 401 without a byte of its body being read. And before
 * every filter that reads the body (the dashboard's CSRF check reads its form): wrapped after such a read, the
 * stream would be the one already consumed, and the resource would see an empty body.
 */
@Priority(Priorities.AUTHORIZATION - 1)
public final class RequestBodyLimit implements ContainerRequestFilter {
    static final long MAX_BYTES = 1024 * 1024;
    private static final String TOO_LARGE = "request body larger than 1 MiB";

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOverTheCap(declared)) {
            request.abortWith(tooLarge());
            return;
        }
        request.setEntityStream(new CappedStream(request.getEntityStream()));
    }

    private static boolean isOverTheCap(String declared) {
        try {
            return Long.parseLong(declared.strip()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            // Jetty refuses a malformed Content-Length before we see it; a huge one overflows long.
            return declared.strip().chars().allMatch(Character::isDigit);
        }
    }

    private static Response tooLarge() {
        return Response.status(413)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(413, TOO_LARGE))
                .build();
    }

    /** Throws (a 413) from the read that would go past the cap. */
    private static final class CappedStream extends FilterInputStream {
        private long read;

        CappedStream(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws BodyTooLargeException {
            read += bytes;
            if (read > MAX_BYTES) {
                throw new BodyTooLargeException();
            }
        }
    }

    /**
     * The read that went past the cap. An IOException, because Jackson passes those through as they are, where it
     * wraps anything else into a "malformed JSON" 400.
     */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super(TOO_LARGE);
        }
    }

    /** 413 with Dropwizard's error JSON for a body cut off while it was read. */
    public static final class TooLargeMapper implements ExceptionMapper<BodyTooLargeException> {
        @Override
        public Response toResponse(BodyTooLargeException e) {
            return tooLarge();
        }
    }
}
