package io.podflow.rpc;

import io.netty.channel.Channel;
import io.podflow.rpc.transport.RpcMessage;
import io.podflow.rpc.transport.RpcRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Serves requests from authenticated connections: finds the endpoint and method, decodes the arguments into the
 * declared types (off the main thread), delivers the call to the endpoint's mailbox and writes the reply.
 * A request that cannot be served fails alone; the connection and the service go on.
 */
final class ServerRequests implements RpcRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRequests.class);
    private static final byte[] NO_VALUE = new byte[0];

    private final RpcService service;
    private final PayloadCodec codec;
    private final int maxFrameBytes;

    ServerRequests(RpcService service, PayloadCodec codec, int maxFrameBytes) {
        this.service = service;
        this.codec = codec;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void onIdentify(RpcMessage.Identify identify, Channel channel) {
        if (service.publishedEndpoint(identify.endpoint()) != null) {
            channel.writeAndFlush(new RpcMessage.Result(identify.callId(), NO_VALUE));
        } else {
            fail(channel, identify.callId(), endpointNotFound(identify.endpoint()));
        }
    }

    @Override
    public void onInvocation(RpcMessage.Invocation invocation, Channel channel) {
        DecodedCall call;
        try {
            call = decode(invocation, channel);
        } catch (RpcException e) {
            if (invocation.expectsReply()) {
                fail(channel, invocation.callId(), e);
            } else {
                LOG.info("Dropped tell from {}: {}", channel.remoteAddress(), e.getMessage());
            }
            return;
        }
        call.endpoint().deliver(call.message());
    }

    private DecodedCall decode(RpcMessage.Invocation invocation, Channel channel) {
        RpcEndpoint endpoint = service.publishedEndpoint(invocation.endpoint());
        if (endpoint == null) {
            throw endpointNotFound(invocation.endpoint());
        }
        GatewayMethod method = endpoint.rpcMethods().get(invocation.signature());
        if (method == null) {
            throw new RpcException("Endpoint " + endpoint.getAddress() + " serves no RPC method "
                    + invocation.signature());
        }
        Object[] args = codec.decodeArgs(method.argumentCodecs(), invocation.args(), method.description());
        Object token = null;
        if (invocation.fencingToken() != null && endpoint instanceof FencedRpcEndpoint<?> fenced) {
            token = codec.decodeAs(fenced.fencingTokenType(), invocation.fencingToken(), "the fencing token");
        }
        CallReply reply = invocation.expectsReply() ? new RemoteReply(channel, invocation.callId(), method) : null;
        return new DecodedCall(endpoint, new MainThreadMessage.Invocation(method, args, true, token, reply));
    }

    private void respond(Channel channel, long callId, GatewayMethod method, Object value) {
        RpcMessage reply;
        try {
            reply = new RpcMessage.Result(callId, codec.encodeValue(method.resultCodec(), value,
                    method.resultDescription()));
        } catch (RpcException e) {
            reply = failure(callId, e);
        }
        write(channel, callId, method, reply);
    }

    private void write(Channel channel, long callId, GatewayMethod method, RpcMessage reply) {
        if (reply.bodyLength() > maxFrameBytes) {
            reply = failure(callId, new RpcFrameTooLargeException("The reply of " + method.description()
                    + " was not sent: " + RpcFrameTooLargeException.describe(reply.bodyLength(), maxFrameBytes)));
        }
        // checked against the frame limit above, so no per-reply promise is needed to learn of a refused write
        channel.writeAndFlush(reply, channel.voidPromise());
    }

    private void fail(Channel channel, long callId, Throwable error) {
        channel.writeAndFlush(failure(callId, error));
    }

    private RpcMessage failure(long callId, Throwable error) {
        return new RpcMessage.Failure(callId, codec.encodeFailure(error));
    }

    private RpcEndpointNotFoundException endpointNotFound(String name) {
        return new RpcEndpointNotFoundException("No endpoint '" + name + "' is running at " + service.getAddress());
    }

    /** Sends the outcome of one remote ask back over the connection it came from. */
    private final class RemoteReply implements CallReply {

        private final Channel channel;
        private final long callId;
        private final GatewayMethod method;

        RemoteReply(Channel channel, long callId, GatewayMethod method) {
            this.channel = channel;
            this.callId = callId;
            this.method = method;
        }

        @Override
        public void succeed(Object value) {
            respond(channel, callId, method, value);
        }

        @Override
        public void fail(Throwable error) {
            write(channel, callId, method, failure(callId, error));
        }
    }

    /** A decoded call and the endpoint it is for. */
    private record DecodedCall(RpcEndpoint endpoint, MainThreadMessage.Invocation message) {
    }
}
