package io.podflow.rpc;

/**
 * Base of every gateway interface. A gateway method returning {@code CompletableFuture<T>} is an ask (it waits
 * for the reply, bounded by {@code rpc.ask.timeout} or an {@link RpcTimeout} parameter); a {@code void} method
 * is a tell (fire-and-forget).
 */
public interface RpcGateway {

    /** The address of the endpoint behind this gateway, {@code host:port/endpoint}. */
    String getAddress();
}
