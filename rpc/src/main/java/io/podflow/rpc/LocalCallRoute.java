package io.podflow.rpc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Calls to an endpoint in this process: no serialization, but still through the endpoint's mailbox. */
final class LocalCallRoute implements CallRoute {

    private final RpcEndpoint endpoint;
    private final boolean fenced;
    private final AskTimeouts timeouts;

    LocalCallRoute(RpcEndpoint endpoint, boolean fenced, AskTimeouts timeouts) {
        this.endpoint = endpoint;
        this.fenced = fenced;
        this.timeouts = timeouts;
    }

    @Override
    public CompletableFuture<Object> ask(GatewayMethod method, Object[] args, Object fencingToken, Duration timeout) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        timeouts.failAfter(reply, timeout, () -> new RpcTimeoutException("Ask " + method.description() + " to "
                + endpoint.getAddress() + " timed out after " + timeout));
        endpoint.deliver(new MainThreadMessage.Invocation(method, args, fenced, fencingToken, CallReply.to(reply)));
        return reply;
    }

    @Override
    public void tell(GatewayMethod method, Object[] args, Object fencingToken) {
        endpoint.deliver(new MainThreadMessage.Invocation(method, args, fenced, fencingToken, null));
    }
}
