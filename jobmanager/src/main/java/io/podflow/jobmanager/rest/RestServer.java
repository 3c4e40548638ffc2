package io.podflow.jobmanager.rest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.RestOptions;
import io.podflow.jobmanager.rest.handler.JarUploadHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JobManager's HTTP server on {@code rest.port}: checks the bearer token, limits and collects request bodies,
 * and hands each request to the {@link Router}. Handlers run on worker threads, never on the network thread.
 */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final int WORKER_THREADS = 2;
    /** The one route whose body is streamed to disk rather than collected in memory. */
    public static final String UPLOAD_PATH = "/jars/upload";

    private final EventLoopGroup eventLoops;
    private final ExecutorService workers;
    private final Channel serverChannel;
    private final ChannelGroup connections;

    private RestServer(Configuration config, Router router, UploadedJars jars) {
        Optional<String> token = RestAuthentication.requiredToken(config);
        long maxContent = config.get(RestOptions.MAX_CONTENT_LENGTH).getBytes();
        if (maxContent < 1 || maxContent > Integer.MAX_VALUE) {
            throw new IllegalConfigurationException(RestOptions.MAX_CONTENT_LENGTH.key()
                    + " must be between 1 byte and 2 GiB, not " + maxContent + " bytes");
        }
        this.eventLoops = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("podflow-rest-netty", true),
                NioIoHandler.newFactory());
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, new DefaultThreadFactory("podflow-rest", true));
        this.connections = new DefaultChannelGroup("rest-connections", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap().group(eventLoops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        connections.add(channel);
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast("http", new HttpServerCodec());
                        token.ifPresent(expected -> pipeline.addLast("auth", new BearerTokenCheck(expected)));
                        pipeline.addLast("upload", new JarUploadReceiver(UPLOAD_PATH, JarUploadHandler.FIELD, jars,
                                maxContent));
                        pipeline.addLast("aggregate", new RestRequestAggregator((int) maxContent));
                        pipeline.addLast("dispatch", new RestRequestDispatcher(router, workers));
                    }
                });
        String host = config.get(RestOptions.BIND_ADDRESS);
        int port = config.get(RestOptions.PORT);
        var bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDownThreads();
            throw new IllegalConfigurationException("Cannot listen for REST requests on " + host + ":" + port + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        this.serverChannel = bound.channel();
        LOG.info("REST server listening on {}:{}{}", host, port(), token.isPresent() ? ""
                : " with authentication disabled (" + RestOptions.AUTHENTICATION.key() + ": none)");
    }

    /**
     * Starts serving {@code router}'s endpoints on {@code rest.bind-address}:{@code rest.port}, streaming jar
     * uploads into {@code jars}. Fails with one clear line when neither a token nor
     * {@code rest.authentication: none} is configured.
     */
    public static RestServer start(Configuration config, Router router, UploadedJars jars) {
        return new RestServer(config, router, jars);
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting requests and ends open connections. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        shutDownThreads();
    }

    private void shutDownThreads() {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownNow();
    }
}
