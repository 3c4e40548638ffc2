package io.podflow.rpc;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Fails futures that are not completed in time; one timer wheel serves every call of an RPC service. */
final class AskTimeouts {

    private final HashedWheelTimer timer = new HashedWheelTimer(
            new DefaultThreadFactory("podflow-rpc-timeouts", true), 10, TimeUnit.MILLISECONDS);

    /** Fails {@code future} with the given error after {@code timeout} unless it completes first. */
    void failAfter(CompletableFuture<?> future, Duration timeout, Supplier<? extends Throwable> error) {
        failAfter(future, timeout, error, () -> { });
    }

    /** Like {@link #failAfter(CompletableFuture, Duration, Supplier)}, also running {@code onExpiry} if it fires. */
    void failAfter(CompletableFuture<?> future, Duration timeout, Supplier<? extends Throwable> error,
            Runnable onExpiry) {
        Timeout scheduled = timer.newTimeout(expired -> {
            if (future.completeExceptionally(error.get())) {
                onExpiry.run();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        future.whenComplete((value, failure) -> scheduled.cancel());
    }

    void stop() {
        timer.stop();
    }
}
