package io.podflow.localkube.kubelet.exposure;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A TCP connection from the kubelet to a pod, opened on the event loop of the connection it serves:
 * whatever the pod sends goes to {@code onRead} (which takes ownership), and {@code onClosed} runs once
 * when the connection ends. Shared by port-forward and the NodePort/LoadBalancer relays.
 */
public final class PodConnection {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private PodConnection() {
    }

    public static ChannelFuture open(EventLoop loop, InetSocketAddress pod, Consumer<ByteBuf> onRead,
            Runnable onClosed) {
        return new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        onRead.accept((ByteBuf) msg);
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        onClosed.run();
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                    }
                })
                .connect(pod);
    }
}
