package io.podflow.rpc;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.podflow.rpc.transport.PendingCalls;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Fails calls that are not answered in time. Remote calls carry a deadline that one periodic scan of every open
 * connection checks (a remote ask then costs no timer task); local calls and {@code callAsync} get a task on the
 * same timer wheel.
 */
final class AskTimeouts {

    private static final long TICK_MILLIS = 10;

    private final HashedWheelTimer timer = new HashedWheelTimer(
            new DefaultThreadFactory("podflow-rpc-timeouts", true), TICK_MILLIS, TimeUnit.MILLISECONDS);
    private final Set<PendingCalls> watched = ConcurrentHashMap.newKeySet();

    AskTimeouts() {
        scheduleScan();
    }

    /** Fails {@code future} with the given error after {@code timeout} unless it completes first. */
    void failAfter(CompletableFuture<?> future, Duration timeout, Supplier<? extends Throwable> error) {
        Timeout scheduled = timer.newTimeout(expired -> future.completeExceptionally(error.get()),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        future.whenComplete((value, failure) -> scheduled.cancel());
    }

    /** Checks the deadlines of these calls until {@link #unwatch}. */
    void watch(PendingCalls calls) {
        watched.add(calls);
    }

    void unwatch(PendingCalls calls) {
        watched.remove(calls);
    }

    private void scheduleScan() {
        try {
            timer.newTimeout(tick -> {
                long now = System.nanoTime();
                for (PendingCalls calls : watched) {
                    calls.expire(now);
                }
                scheduleScan();
            }, TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IllegalStateException stopped) {
            // the timer was stopped while this scan ran: the service is shutting down, no further scans
        }
    }

    void stop() {
        timer.stop();
    }
}
