package io.podflow.rpc.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Last inbound handler of a client connection: routes replies to their pending calls. */
public final class ClientResponseHandler extends SimpleChannelInboundHandler<RpcMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(ClientResponseHandler.class);

    private final PendingCalls pendingCalls;

    public ClientResponseHandler(PendingCalls pendingCalls) {
        this.pendingCalls = pendingCalls;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RpcMessage msg) {
        if (msg instanceof RpcMessage.Result || msg instanceof RpcMessage.Failure) {
            pendingCalls.complete(msg);
        } else {
            LOG.info("Closed RPC connection to {}: the server sent a request frame", ctx.channel().remoteAddress());
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.info("Closed RPC connection to {}: {}", ctx.channel().remoteAddress(), ConnectionErrors.describe(cause));
        ctx.close();
    }
}
