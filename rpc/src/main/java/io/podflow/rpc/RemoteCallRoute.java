package io.podflow.rpc;

import io.podflow.rpc.transport.RpcMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Calls to an endpoint in another RPC service: encoded, sent over the shared connection, reply decoded. */
final class RemoteCallRoute implements CallRoute {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteCallRoute.class);

    private final RpcService service;
    private final PayloadCodec codec;
    private final RpcAddress target;
    private volatile ClientConnection connection;

    RemoteCallRoute(RpcService service, PayloadCodec codec, RpcAddress target) {
        this.service = service;
        this.codec = codec;
        this.target = target;
    }

    @Override
    public CompletableFuture<Object> ask(GatewayMethod method, Object[] args, Object fencingToken, Duration timeout) {
        RemoteAsk ask;
        try {
            ask = new RemoteAsk(codec, target, method, encodeToken(fencingToken),
                    codec.encodeArgs(method.argumentCodecs(), args, method.description()));
        } catch (RpcException e) {
            return CompletableFuture.failedFuture(e);
        }
        connection().ask(ask, ask, timeout, ask);
        return ask.reply();
    }

    @Override
    public void tell(GatewayMethod method, Object[] args, Object fencingToken) {
        try {
            byte[] encodedArgs = codec.encodeArgs(method.argumentCodecs(), args, method.description());
            RpcMessage message = new RpcMessage.Invocation(0, false, target.endpoint(), method.signature(),
                    encodeToken(fencingToken), encodedArgs);
            connection().tell(message, error -> logLostTell(method, error));
        } catch (RpcException e) {
            logLostTell(method, e);
        }
    }

    /** The service's connection to the target, looked up again only once the one in hand broke. */
    private ClientConnection connection() {
        ClientConnection current = connection;
        if (current == null || !current.isUsable()) {
            current = service.connectionTo(target);
            connection = current;
        }
        return current;
    }

    private byte[] encodeToken(Object fencingToken) {
        return fencingToken == null ? null : codec.encodeByRuntimeType(fencingToken, "the fencing token");
    }

    private void logLostTell(GatewayMethod method, Throwable error) {
        LOG.info("Tell {} to {} was not sent: {}", method.description(), target, error.getMessage());
    }
}
