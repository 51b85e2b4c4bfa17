package com.callbackcloser.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body only up to a cap, so a hostile client cannot make us buffer gigabytes. */
public final class BoundedBody {
    private BoundedBody() {}

    /** The whole body, or empty when it holds more than {@code limit} bytes (the rest is left unread). */
    public static Optional<byte[]> read(InputStream body, long limit) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
    }
}
