package io.podflow.bench.nativesession;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition every 10 ms until it holds, failing with what was awaited once {@code timeout} passed. */
final class Waiting {

    private static final long POLL_MILLIS = 10;

    private Waiting() {
    }

    static void until(Callable<Boolean> condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
