package io.podflow.rpc;

/**
 * Base of every gateway interface. A gateway method returning {@code CompletableFuture<T>} is an ask (it waits
 * for the reply, bounded by {@code rpc.ask.timeout} or an {@link RpcTimeout} parameter); a {@code void} method
 * is a tell (fire-and-forget). Futures returned by a gateway complete on an RPC I/O thread: an endpoint continues
 * on its own main thread with {@code thenAcceptAsync(..., getMainThreadExecutor())}.
 */
public interface RpcGateway {

    /** The address of the endpoint behind this gateway, {@code host:port/endpoint}. */
    String getAddress();
}
