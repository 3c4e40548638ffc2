package io.podflow.bench.nativesession;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds, failing with what was awaited once {@code timeout} passed. */
final class Waiting {

    /**
     * For conditions another process answers (REST, the API server): each poll is work for processes that share the
     * 2 cores with the pods being started.
     */
    static final Duration REMOTE_POLL = Duration.ofMillis(50);
    private static final Duration LOCAL_POLL = Duration.ofMillis(10);

    private Waiting() {
    }

    /** Polls every 10 ms: for conditions this process answers itself (an informer's cache). */
    static void until(Callable<Boolean> condition, Duration timeout, String what) throws Exception {
        until(condition, LOCAL_POLL, timeout, what);
    }

    static void until(Callable<Boolean> condition, Duration interval, Duration timeout, String what)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
