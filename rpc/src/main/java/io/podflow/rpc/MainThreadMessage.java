package io.podflow.rpc;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** What an endpoint's actor receives; each is handled on the endpoint's main thread. */
sealed interface MainThreadMessage {

    /** Run a piece of endpoint code. */
    record RunAsync(Runnable task) implements MainThreadMessage {
    }

    /** Run a piece of endpoint code and hand back its result. */
    record CallAsync(Callable<?> task, CompletableFuture<Object> result) implements MainThreadMessage {
    }

    /**
     * A gateway call. {@code fenced} says whether the fencing token must be checked (false only for the endpoint's
     * own self gateway); {@code reply} is null for a tell.
     */
    record Invocation(GatewayMethod method, Object[] args, boolean fenced, Object fencingToken,
            CallReply reply) implements MainThreadMessage {
    }

    /** Start the endpoint: runs {@code onStart}. */
    record Start() implements MainThreadMessage {
    }

    /** Stop the endpoint: runs {@code onStop}, then stops the actor once its future completes. */
    record Stop() implements MainThreadMessage {
    }

    /** {@code onStop}'s future completed, with {@code error} if it failed. */
    record Stopped(Throwable error) implements MainThreadMessage {
    }
}
