package io.podflow.localkube.kubelet.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's HTTPS API on each node address: what the API server proxies {@code kubectl logs},
 * {@code exec} and {@code port-forward} to (node {@code status.daemonEndpoints.kubeletEndpoint.Port}).
 */
public final class KubeletApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KubeletApiServer.class);
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final EventLoopGroup group;
    private final SslContext tls;
    private final PodAccess pods;
    private final ScheduledExecutorService logIo;
    private final Executor execIo;
    private final List<Channel> listeners = new ArrayList<>();

    public KubeletApiServer(EventLoopGroup group, SslContext tls, PodAccess pods, ScheduledExecutorService logIo,
            Executor execIo) {
        this.group = group;
        this.tls = tls;
        this.pods = pods;
        this.logIo = logIo;
        this.execIo = execIo;
    }

    /** Listens on {@code ip:port}; fails when the port is taken. */
    public void bind(String ip, int port) {
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        HttpServerCodec codec = new HttpServerCodec();
                        HttpObjectAggregator aggregator = new HttpObjectAggregator(MAX_REQUEST_BYTES);
                        channel.pipeline().addLast(tls.newHandler(channel.alloc()), codec, aggregator,
                                new KubeletApiRouter(pods, logIo, execIo, List.of(aggregator, codec)));
                    }
                })
                .bind(ip, port).syncUninterruptibly().channel();
        listeners.add(channel);
        LOG.info("kubelet API listening on https://{}:{}", ip, port);
    }

    @Override
    public void close() {
        listeners.forEach(Channel::close);
    }
}
