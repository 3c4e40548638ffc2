package io.podflow.jobmanager.blob;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.podflow.common.config.BlobServerOptions;
import io.podflow.common.config.Configuration;
import io.podflow.protocol.blob.BlobException;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.transport.HandshakeProof;
import io.podflow.rpc.transport.ServerHandshakeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The JobManager's blob server: keeps job jars by SHA-256 key and serves them to TaskManagers. Every connection
 * must first prove knowledge of {@code cluster.secret} with the same handshake as RPC.
 */
public final class BlobServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlobServer.class);
    // transfers write and send files on these threads; they serve only blob connections, so a slow disk delays
    // other transfers but never RPC
    private static final int TRANSFER_THREADS = 2;

    private final BlobStore store;
    private final EventLoopGroup eventLoops;
    private final Channel serverChannel;

    private BlobServer(BlobStore store, Configuration config, String bindHost) {
        String secret = config.getOptional(RpcOptions.CLUSTER_SECRET).orElseThrow(() -> new BlobException(
                "The blob server needs " + RpcOptions.CLUSTER_SECRET.key() + " to authenticate TaskManagers; set it"));
        HandshakeProof proof = new HandshakeProof(secret);
        Duration handshakeTimeout = config.get(RpcOptions.HANDSHAKE_TIMEOUT);
        this.store = store;
        this.eventLoops = new MultiThreadIoEventLoopGroup(TRANSFER_THREADS,
                new DefaultThreadFactory("podflow-blob", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(eventLoops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast("handshake", new ServerHandshakeHandler(proof, handshakeTimeout));
                        channel.pipeline().addLast("requests", new BlobRequestHandler(store));
                    }
                });
        int port = config.get(BlobServerOptions.PORT);
        var bound = bootstrap.bind(bindHost, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDownThreads();
            throw new BlobException("Cannot listen for blob connections on " + bindHost + ":" + port + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        this.serverChannel = bound.channel();
        LOG.info("Blob server listening on {}:{}, storing blobs in {}", bindHost, port(), store.directory());
    }

    /**
     * Starts a blob server on {@code bindHost} and {@code blob.server.port}, storing blobs in a fresh directory under
     * {@code blob.storage.directory} (the system temporary directory if unset).
     */
    public static BlobServer start(Configuration config, String bindHost) {
        Path parent = config.getOptional(BlobServerOptions.STORAGE_DIRECTORY).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir")));
        BlobStore store = BlobStore.createUnder(parent);
        try {
            return new BlobServer(store, config, bindHost);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The blobs this server serves; the JobManager puts uploaded jars here and releases them per job. */
    public BlobStore store() {
        return store;
    }

    /** Stops accepting connections, ends open transfers and deletes the stored blobs. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        shutDownThreads();
        store.close();
    }

    private void shutDownThreads() {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
