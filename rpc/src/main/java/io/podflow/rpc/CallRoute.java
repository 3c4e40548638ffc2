package io.podflow.rpc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** How a gateway's calls reach its endpoint: straight into a local mailbox, or over a connection. */
interface CallRoute {

    CompletableFuture<Object> ask(GatewayMethod method, Object[] args, Object fencingToken, Duration timeout);

    void tell(GatewayMethod method, Object[] args, Object fencingToken);
}
