package io.podflow.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.podflow.rpc.transport.ClientResponseHandler;
import io.podflow.rpc.transport.ConnectionErrors;
import io.podflow.rpc.transport.PendingCalls;
import io.podflow.rpc.transport.ResponseListener;
import io.podflow.rpc.transport.RpcMessage;
import io.podflow.rpc.transport.RpcPipeline;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One authenticated connection to a remote RPC service, shared by every gateway to that {@code host:port}. When
 * it breaks, its calls in flight fail with {@link RpcConnectionException} and the service opens a new one for
 * the next call.
 */
final class ClientConnection {

    private final String hostPort;
    private final AskTimeouts timeouts;
    private final PendingCalls pending = new PendingCalls();
    private final CompletableFuture<Channel> ready = new CompletableFuture<>();

    private ClientConnection(String hostPort, AskTimeouts timeouts) {
        this.hostPort = hostPort;
        this.timeouts = timeouts;
    }

    /** A connection not yet opened; {@link #open} starts connecting. */
    static ClientConnection to(RpcAddress target, AskTimeouts timeouts) {
        return new ClientConnection(target.hostPort(), timeouts);
    }

    /** Connects and authenticates; {@code onClosed} runs once the connection failed or closed. */
    void open(Bootstrap bootstrap, RpcPipeline pipeline, RpcAddress target, Consumer<ClientConnection> onClosed) {
        timeouts.watch(pending);
        CompletableFuture<Void> authenticated = new CompletableFuture<>();
        ChannelFuture connected = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                pipeline.initClient(channel.pipeline(), pipeline.clientHandshake(authenticated),
                        new ClientResponseHandler(pending));
            }
        }).connect(target.host(), target.port());
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                broken(new RpcConnectionException("Cannot connect to " + hostPort + ": "
                        + ConnectionErrors.unwrap(done.cause()).getMessage(), done.cause()));
                onClosed.accept(this);
                return;
            }
            Channel channel = connected.channel();
            authenticated.whenComplete((ignored, error) -> {
                if (error == null) {
                    ready.complete(channel);
                } else {
                    ready.completeExceptionally(error);
                }
            });
            channel.closeFuture().addListener(closed -> {
                broken(new RpcConnectionException(ready.isDone()
                        ? "Connection to " + hostPort + " was lost"
                        : "Connection to " + hostPort + " was closed during the handshake "
                                + "(is the peer a podflow RPC service with the same cluster.secret?)"));
                onClosed.accept(this);
            });
        });
    }

    private void broken(RpcConnectionException error) {
        timeouts.unwatch(pending);
        ready.completeExceptionally(error);
        Throwable reason = ready.isCompletedExceptionally() ? failureOf(ready) : error;
        pending.close(() -> reason);
    }

    /** False once the connection failed or closed; the service then replaces it. */
    boolean isUsable() {
        if (!ready.isDone()) {
            return true;
        }
        return !ready.isCompletedExceptionally() && ready.join().isActive();
    }

    /**
     * Sends a request whose reply goes to {@code listener}; if none comes within {@code timeout}, the listener gets
     * an {@link RpcTimeoutException} naming the call as {@code description} says.
     */
    void ask(LongFunction<RpcMessage> request, ResponseListener listener, Duration timeout,
            Supplier<String> description) {
        long callId = pending.register(listener, System.nanoTime() + timeout.toNanos(),
                () -> new RpcTimeoutException(description.get() + " timed out after " + timeout));
        write(request.apply(callId), error -> pending.fail(callId, error));
    }

    /** Sends a message that expects no reply; a failure to send is reported to {@code onFailure}. */
    void tell(RpcMessage message, Consumer<Throwable> onFailure) {
        write(message, onFailure);
    }

    private void write(RpcMessage message, Consumer<Throwable> onFailure) {
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            writeTo(ready.join(), message, onFailure);
        } else {
            ready.whenComplete((channel, error) -> {
                if (error != null) {
                    onFailure.accept(error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error);
                } else {
                    writeTo(channel, message, onFailure);
                }
            });
        }
    }

    private void writeTo(Channel channel, RpcMessage message, Consumer<Throwable> onFailure) {
        channel.writeAndFlush(message).addListener(written -> {
            if (!written.isSuccess()) {
                onFailure.accept(sendError(written.cause()));
            }
        });
    }

    private Throwable sendError(Throwable cause) {
        Throwable error = ConnectionErrors.unwrap(cause);
        if (error instanceof RpcException) {
            return error;
        }
        if (error instanceof ClosedChannelException) {
            return new RpcConnectionException("Connection to " + hostPort + " was lost");
        }
        return new RpcConnectionException("Cannot send to " + hostPort + ": " + error, error);
    }

    void close() {
        ready.thenAccept(Channel::close);
    }

    String hostPort() {
        return hostPort;
    }

    private static Throwable failureOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalStateException("future was expected to have failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
