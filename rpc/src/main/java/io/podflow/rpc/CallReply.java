package io.podflow.rpc;

import java.util.concurrent.CompletableFuture;

/** Where the one outcome of an ask goes: the caller's future in this process, or a reply frame to a remote caller. */
interface CallReply {

    void succeed(Object value);

    void fail(Throwable error);

    /** A reply that completes {@code future}. */
    static CallReply to(CompletableFuture<Object> future) {
        return new CallReply() {
            @Override
            public void succeed(Object value) {
                future.complete(value);
            }

            @Override
            public void fail(Throwable error) {
                future.completeExceptionally(error);
            }
        };
    }
}
