package io.podflow.rpc;

import io.podflow.rpc.transport.ResponseListener;
import io.podflow.rpc.transport.RpcMessage;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One ask to a remote endpoint while it is in flight: builds its request once the connection gave it a call id,
 * decodes the reply into the caller's future, and describes itself if it times out. One object per call instead of
 * a request lambda, a listener and a description.
 */
final class RemoteAsk implements LongFunction<RpcMessage>, ResponseListener, Supplier<String> {

    private final PayloadCodec codec;
    private final RpcAddress target;
    private final GatewayMethod method;
    private final byte[] fencingToken;
    private final byte[] args;
    private final CompletableFuture<Object> reply = new CompletableFuture<>();

    RemoteAsk(PayloadCodec codec, RpcAddress target, GatewayMethod method, byte[] fencingToken, byte[] args) {
        this.codec = codec;
        this.target = target;
        this.method = method;
        this.fencingToken = fencingToken;
        this.args = args;
    }

    CompletableFuture<Object> reply() {
        return reply;
    }

    @Override
    public RpcMessage apply(long callId) {
        return new RpcMessage.Invocation(callId, true, target.endpoint(), method.signature(), fencingToken, args);
    }

    @Override
    public void onResult(byte[] value) {
        try {
            reply.complete(codec.decodeValue(method.resultCodec(), value, method.resultDescription()));
        } catch (RpcException e) {
            reply.completeExceptionally(e);
        }
    }

    @Override
    public void onFailure(byte[] failure) {
        reply.completeExceptionally(codec.decodeFailure(failure));
    }

    @Override
    public void onError(Throwable error) {
        reply.completeExceptionally(error);
    }

    /** What a timeout message calls this ask. */
    @Override
    public String get() {
        return "Ask " + method.description() + " to " + target;
    }
}
