package io.podflow.bench.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The floor under the RPC numbers: a bare netty request/response echo over the same kind of connection
 * (length-prefixed frames, NIO, TCP_NODELAY, flush batching), with no handshake, codec, proxy or actor in the way.
 */
final class NettyEcho implements AutoCloseable {

    private static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup group;
    private final Channel channel;

    private NettyEcho(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Starts an echo server on loopback; each frame is written back as it came. */
    static NettyEcho server() {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(flushBatching(),
                                new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 0),
                                new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelRead(ChannelHandlerContext ctx, Object frame) {
                                        ctx.writeAndFlush(frame);
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        return new NettyEcho(group, channel);
    }

    /** Connects an echo client on loopback. */
    static NettyEcho client(int port) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(flushBatching(),
                                new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 0), new Replies());
                    }
                })
                .connect("127.0.0.1", port).syncUninterruptibly().channel();
        return new NettyEcho(group, channel);
    }

    /** The same flush batching the RPC pipeline uses, so the floor is no easier to beat than it should be. */
    private static FlushConsolidationHandler flushBatching() {
        return new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true);
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** A {@link ClosedLoop.Sender} writing one echo request per call; replies arrive in order. */
    ClosedLoop.Sender sender(byte[] payload) {
        Replies replies = channel.pipeline().get(Replies.class);
        return (loop, lane, startNanos) -> {
            Runnable send = () -> {
                replies.pending.add(new Outstanding(loop, lane, startNanos));
                ByteBuf request = channel.alloc().ioBuffer(4 + payload.length);
                request.writeInt(payload.length).writeBytes(payload);
                channel.writeAndFlush(request);
            };
            if (channel.eventLoop().inEventLoop()) {
                send.run();
            } else {
                channel.eventLoop().execute(send);
            }
        };
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A request waiting for its echo. */
    private record Outstanding(ClosedLoop loop, int lane, long startNanos) {
    }

    /** Matches each reply with the oldest outstanding request (the server answers in order). */
    private static final class Replies extends SimpleChannelInboundHandler<ByteBuf> {
        private final ArrayDeque<Outstanding> pending = new ArrayDeque<>();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf reply) {
            Outstanding request = pending.poll();
            request.loop().completed(request.lane(), request.startNanos());
        }
    }
}
