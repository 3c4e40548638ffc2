package io.podflow.rpc.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Closes a connection whose handshake did not finish in time, so half-open or silent peers hold nothing. */
final class HandshakeTimeout {

    private final Duration timeout;
    private ScheduledFuture<?> expiry;

    HandshakeTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    void start(ChannelHandlerContext ctx, Consumer<ChannelHandlerContext> onExpiry) {
        expiry = ctx.executor().schedule(() -> onExpiry.accept(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void cancel() {
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    Duration duration() {
        return timeout;
    }
}
