package com.callbackcloser.api.testing;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Twilio "taking its time", under the test's control: each request a held stub matches is recorded the moment it
 * arrives and answered only when the test releases it. So "in flight" is a state a test can see and end, instead
 * of a delay it has to guess (a fixed delay is either too short on a loaded machine or makes every run slow).
 */
public final class HeldResponses implements ResponseTransformerV2 {
    static final String NAME = "held-responses";
    /** Long enough for any loaded machine; a test that waits this long has failed. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final BlockingQueue<Held> arrivals = new LinkedBlockingQueue<>();
    private final List<Held> all = new ArrayList<>();
    private volatile boolean open;

    /** A request that reached the fake and waits for its answer. */
    public static final class Held {
        private final Map<String, String> form;
        private final CountDownLatch released = new CountDownLatch(1);

        Held(Map<String, String> form) {
            this.form = form;
        }

        public String to() {
            return form.get("To");
        }

        public String body() {
            return form.get("Body");
        }

        /** Lets the fake answer it. */
        public void release() {
            released.countDown();
        }

        void awaitRelease() throws InterruptedException {
            if (!released.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("a held request was never released: " + form);
            }
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Held held = new Held(TwilioFake.form(serveEvent.getRequest()));
        synchronized (this) {
            all.add(held);
            if (open) {
                held.release();
            }
        }
        arrivals.add(held);
        try {
            held.awaitRelease();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return response;
    }

    /** The next request to arrive (in arrival order), waiting for it as long as a loaded machine may need. */
    public Held awaitArrival() {
        try {
            Held held = arrivals.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (held == null) {
                throw new AssertionError("no request reached the Twilio fake within " + PATIENCE);
            }
            return held;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Requests that arrived and were not yet taken by {@link #awaitArrival()}. */
    public List<Held> arrivedSoFar() {
        return List.copyOf(arrivals);
    }

    /** Every request held so far is released, and those still to come are answered at once. */
    public synchronized void releaseAll() {
        open = true;
        all.forEach(Held::release);
    }

    /** Back to holding, with nothing recorded (between tests sharing one fake). */
    synchronized void reset() {
        releaseAll();
        all.clear();
        arrivals.clear();
        open = false;
    }
}
