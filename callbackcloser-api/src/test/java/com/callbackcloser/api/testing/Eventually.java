package com.callbackcloser.api.testing;

import java.time.Duration;

/**
 * Waits for asynchronous work (the outbox, webhook deliveries) to reach the state a test expects: the check is
 * retried until it passes, and the test goes on the moment it does.
 *
 * <p>However short the timeout a test names, it gets at least {@link #PATIENCE} before it fails: on a loaded
 * machine (two cores, several builds at once) seconds pass between two steps of a worker, and a wait that gives up
 * early fails a correct test. A passing test never waits longer for it; only a failing one does.
 */
public final class Eventually {
    /** The least a wait is given before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Eventually() {}

    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    public static void within(Duration timeout, Check check) {
        Duration patience = timeout.compareTo(PATIENCE) < 0 ? PATIENCE : timeout;
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    if (e instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    throw new AssertionError(e);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
