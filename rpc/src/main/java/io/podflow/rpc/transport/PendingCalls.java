package io.podflow.rpc.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The outstanding calls of one client connection, by call id; each gets exactly one outcome. */
public final class PendingCalls {

    private final AtomicLong nextCallId = new AtomicLong();
    private final Map<Long, ResponseListener> calls = new ConcurrentHashMap<>();
    private volatile Supplier<Throwable> closedReason;

    /** Registers a call and returns its id, or fails the listener at once if the connection is already gone. */
    public long register(ResponseListener listener) {
        long callId = nextCallId.incrementAndGet();
        calls.put(callId, listener);
        Supplier<Throwable> reason = closedReason;
        if (reason != null) {
            fail(callId, reason.get());
        }
        return callId;
    }

    /** Removes the call so no later outcome reaches it; true if it was still outstanding. */
    public boolean forget(long callId) {
        return calls.remove(callId) != null;
    }

    void complete(RpcMessage reply) {
        ResponseListener listener = calls.remove(reply.callId());
        if (listener == null) {
            return;
        }
        if (reply instanceof RpcMessage.Result result) {
            listener.onResult(result.value());
        } else if (reply instanceof RpcMessage.Failure failure) {
            listener.onFailure(failure.failure());
        }
    }

    public void fail(long callId, Throwable error) {
        ResponseListener listener = calls.remove(callId);
        if (listener != null) {
            listener.onError(error);
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
}
