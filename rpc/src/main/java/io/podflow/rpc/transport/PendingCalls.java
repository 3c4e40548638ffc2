package io.podflow.rpc.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The outstanding calls of one client connection, by call id; each gets exactly one outcome. Each call carries its
 * deadline, and {@link #expire} fails the overdue ones, so a call costs no timer task of its own.
 */
public final class PendingCalls {

    private final AtomicLong nextCallId = new AtomicLong();
    private final Map<Long, PendingCall> calls = new ConcurrentHashMap<>();
    private volatile Supplier<Throwable> closedReason;

    /**
     * Registers a call due by {@code deadlineNanos} ({@link System#nanoTime()} scale) and returns its id, or fails
     * the listener at once if the connection is already gone.
     */
    public long register(ResponseListener listener, long deadlineNanos, Supplier<? extends Throwable> timeoutError) {
        long callId = nextCallId.incrementAndGet();
        calls.put(callId, new PendingCall(listener, deadlineNanos, timeoutError));
        Supplier<Throwable> reason = closedReason;
        if (reason != null) {
            fail(callId, reason.get());
        }
        return callId;
    }

    void complete(RpcMessage reply) {
        PendingCall call = calls.remove(reply.callId());
        if (call == null) {
            return;
        }
        if (reply instanceof RpcMessage.Result result) {
            call.listener().onResult(result.value());
        } else if (reply instanceof RpcMessage.Failure failure) {
            call.listener().onFailure(failure.failure());
        }
    }

    public void fail(long callId, Throwable error) {
        PendingCall call = calls.remove(callId);
        if (call != null) {
            call.listener().onError(error);
        }
    }

    /** Fails every call whose deadline is at or before {@code nowNanos} with its timeout error. */
    public void expire(long nowNanos) {
        for (Map.Entry<Long, PendingCall> entry : calls.entrySet()) {
            PendingCall call = entry.getValue();
            if (call.deadlineNanos() - nowNanos <= 0 && calls.remove(entry.getKey(), call)) {
                call.listener().onError(call.timeoutError().get());
            }
        }
    }

    /** Fails every outstanding call and every call registered from now on. */
    public void close(Supplier<Throwable> reason) {
        closedReason = reason;
        List<Long> ids = new ArrayList<>(calls.keySet());
        for (Long id : ids) {
            fail(id, reason.get());
        }
    }

    private record PendingCall(ResponseListener listener, long deadlineNanos,
            Supplier<? extends Throwable> timeoutError) {
    }
}
