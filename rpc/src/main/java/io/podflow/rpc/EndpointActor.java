package io.podflow.rpc;

import org.apache.pekko.actor.AbstractActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The actor behind one {@link RpcEndpoint}. Its mailbox is the endpoint's main thread: every message runs the
 * endpoint's code one at a time, and no exception escapes to Pekko's supervision (an endpoint is never restarted
 * behind its back).
 */
final class EndpointActor extends AbstractActor {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointActor.class);

    private enum State { CREATED, RUNNING, STOPPING }

    private final RpcEndpoint endpoint;
    private State state = State.CREATED;
    private Throwable stopError;

    EndpointActor(RpcEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(MainThreadMessage.Invocation.class, message -> onMainThread(() -> invoke(message)))
                .match(MainThreadMessage.RunAsync.class, message -> onMainThread(() -> run(message)))
                .match(MainThreadMessage.CallAsync.class, message -> onMainThread(() -> call(message)))
                .match(MainThreadMessage.Start.class, message -> onMainThread(this::start))
                .match(MainThreadMessage.Stop.class, message -> onMainThread(this::stop))
                .match(MainThreadMessage.Stopped.class, this::stopped)
                .build();
    }

    private void onMainThread(Runnable handler) {
        endpoint.enterMainThread();
        try {
            handler.run();
        } finally {
            endpoint.leaveMainThread();
        }
    }

    private void invoke(MainThreadMessage.Invocation message) {
        CallReply reply = message.reply();
        if (state != State.RUNNING) {
            failOrLog(message, new RpcEndpointNotFoundException("Endpoint " + endpoint.getAddress()
                    + " is not running (" + state.name().toLowerCase() + ")"));
            return;
        }
        try {
            if (message.fenced() && endpoint instanceof FencedRpcEndpoint<?> fenced) {
                fenced.checkFencingToken(message.fencingToken(), message.method());
            }
            Object result = message.method().invoke(endpoint, message.args());
            if (reply != null) {
                replyWith(reply, result);
            }
        } catch (Throwable error) {
            failOrLog(message, error);
        }
    }

    /** Most asks return a future that is already complete: its value is replied at once, without a callback. */
    private static void replyWith(CallReply reply, Object result) {
        if (!(result instanceof CompletableFuture<?> future)) {
            reply.succeed(result);
        } else if (future.isDone() && !future.isCompletedExceptionally()) {
            reply.succeed(future.join());
        } else {
            future.whenComplete((value, error) -> {
                if (error == null) {
                    reply.succeed(value);
                } else {
                    reply.fail(error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error);
                }
            });
        }
    }

    private void failOrLog(MainThreadMessage.Invocation message, Throwable error) {
        if (message.reply() != null) {
            message.reply().fail(error);
        } else {
            LOG.info("Tell {} to {} failed: {}", message.method().description(), endpoint.getAddress(),
                    error.toString());
        }
    }

    private void run(MainThreadMessage.RunAsync message) {
        try {
            message.task().run();
        } catch (Throwable error) {
            LOG.error("Main-thread task of endpoint {} failed", endpoint.getAddress(), error);
        }
    }

    private void call(MainThreadMessage.CallAsync message) {
        try {
            message.result().complete(message.task().call());
        } catch (Throwable error) {
            message.result().completeExceptionally(error);
        }
    }

    private void start() {
        if (state != State.CREATED) {
            return;
        }
        state = State.RUNNING;
        try {
            endpoint.onStart();
        } catch (Throwable error) {
            LOG.error("Endpoint {} failed to start; stopping it", endpoint.getAddress(), error);
            stopError = error;
            stop();
        }
    }

    private void stop() {
        if (state == State.STOPPING) {
            return;
        }
        boolean started = state == State.RUNNING;
        state = State.STOPPING;
        if (!started) {
            self().tell(new MainThreadMessage.Stopped(null), self());
            return;
        }
        CompletableFuture<Void> stopped;
        try {
            stopped = endpoint.onStop();
        } catch (Throwable error) {
            stopped = CompletableFuture.failedFuture(error);
        }
        stopped.whenComplete((ignored, error) -> self().tell(new MainThreadMessage.Stopped(error), self()));
    }

    private void stopped(MainThreadMessage.Stopped message) {
        if (stopError == null) {
            stopError = message.error();
        }
        getContext().stop(self());
    }

    @Override
    public void postStop() {
        endpoint.terminated(stopError);
    }
}
