package io.podflow.rpc.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Last inbound handler of a server connection: hands requests to the {@link RpcRequestHandler}. */
@ChannelHandler.Sharable
public final class ServerDispatchHandler extends SimpleChannelInboundHandler<RpcMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDispatchHandler.class);

    private final RpcRequestHandler requests;

    public ServerDispatchHandler(RpcRequestHandler requests) {
        this.requests = requests;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RpcMessage msg) {
        if (msg instanceof RpcMessage.Invocation invocation) {
            requests.onInvocation(invocation, ctx.channel());
        } else if (msg instanceof RpcMessage.Identify identify) {
            requests.onIdentify(identify, ctx.channel());
        } else {
            LOG.info("Closed RPC connection from {}: a client sent a reply frame", ctx.channel().remoteAddress());
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.info("Closed RPC connection from {}: {}", ctx.channel().remoteAddress(), ConnectionErrors.describe(cause));
        ctx.close();
    }
}
