package io.podflow.localkube.kubelet.exposure;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays one accepted connection to a Service port to the pod {@link ServiceBackends} picks at that moment;
 * reading from the client starts once the pod connection is up. Either side closing closes the other.
 */
final class ServiceRelay extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRelay.class);

    private final ServicePortRef ref;
    private final ServiceBackends backends;
    private ChannelFuture pod;

    ServiceRelay(ServicePortRef ref, ServiceBackends backends) {
        this.ref = ref;
        this.backends = backends;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel client = ctx.channel();
        Optional<InetSocketAddress> target = backends.pick(ref);
        if (target.isEmpty()) {
            LOG.info("no ready pod serves {}: closing the connection from {}", ref, client.remoteAddress());
            client.close();
            return;
        }
        pod = PodConnection.open(client.eventLoop(), target.get(), client::writeAndFlush,
                () -> client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE));
        pod.addListener(connected -> {
            if (connected.isSuccess()) {
                client.read();
            } else {
                LOG.info("{} -> {}: {}", ref, target.get(), connected.cause().getMessage());
                client.close();
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        pod.channel().writeAndFlush(msg).addListener(written -> {
            if (written.isSuccess()) {
                ctx.channel().read();
            } else {
                ctx.close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pod != null) {
            pod.channel().close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
