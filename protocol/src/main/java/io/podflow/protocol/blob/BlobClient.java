package io.podflow.protocol.blob;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.podflow.common.config.BlobServerOptions;
import io.podflow.common.config.Configuration;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.transport.ClientHandshakeHandler;
import io.podflow.rpc.transport.HandshakeProof;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Talks to a blob server: uploads files, fetches blobs into a local cache directory (a cached blob is never fetched
 * twice) and deletes blobs. Each call opens its own authenticated connection, so calls from many threads do not
 * wait for each other. Calls block until done.
 */
public final class BlobClient implements AutoCloseable {

    private final InetSocketAddress server;
    private final String serverName;
    private final Path cacheDirectory;
    private final HandshakeProof proof;
    private final Duration handshakeTimeout;
    private final Duration idleTimeout;
    private final EventLoopGroup eventLoops;
    private final Bootstrap bootstrap;

    /** A client for the blob server at {@code server}, keeping fetched blobs in {@code cacheDirectory}. */
    public BlobClient(InetSocketAddress server, Configuration config, Path cacheDirectory) {
        String secret = config.getOptional(RpcOptions.CLUSTER_SECRET).orElseThrow(() -> new BlobException(
                "Fetching jobs' jars from the blob server needs " + RpcOptions.CLUSTER_SECRET.key() + "; set it"));
        this.server = server;
        this.serverName = server.getHostString() + ":" + server.getPort();
        this.cacheDirectory = createDirectory(cacheDirectory);
        this.proof = new HandshakeProof(secret);
        this.handshakeTimeout = config.get(RpcOptions.HANDSHAKE_TIMEOUT);
        this.idleTimeout = config.get(BlobServerOptions.CLIENT_SOCKET_TIMEOUT);
        this.eventLoops = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("podflow-blob-client", true),
                NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(eventLoops).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(handshakeTimeout.toMillis(),
                        Integer.MAX_VALUE));
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new BlobException("Cannot create the blob cache directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Uploads {@code file} and returns its key, after checking the server stored exactly this content. */
    public BlobKey put(Path file) {
        BlobKey expected = keyOf(file);
        long size = sizeOf(file);
        BlobKey stored = exchange(new PutResponseReader(serverName, idleTimeout), channel -> {
            channel.write(Unpooled.buffer(1 + BlobWire.LENGTH_BYTES).writeByte(BlobWire.PUT).writeLong(size));
            channel.writeAndFlush(new DefaultFileRegion(file.toFile(), 0, size));
        });
        if (!stored.equals(expected)) {
            throw new BlobException("Blob server " + serverName + " stored " + file + " under " + stored
                    + " but its SHA-256 is " + expected);
        }
        return stored;
    }

    /** The local file holding blob {@code key}, fetched from the server unless the cache already has it. */
    public Path get(BlobKey key) {
        Path cached = cacheDirectory.resolve(key.hex());
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        return exchange(new GetResponseReader(serverName, idleTimeout, key, cacheDirectory),
                channel -> channel.writeAndFlush(keyRequest(BlobWire.GET, key)));
    }

    /** Deletes blob {@code key} on the server; a key the server does not have is no error. */
    public void delete(BlobKey key) {
        exchange(new DeleteResponseReader(serverName, idleTimeout),
                channel -> channel.writeAndFlush(keyRequest(BlobWire.DELETE, key)));
    }

    private static Object keyRequest(byte operation, BlobKey key) {
        return Unpooled.buffer(1 + BlobKey.BYTES).writeByte(operation).writeBytes(key.digest());
    }

    private <T> T exchange(BlobResponseReader<T> reader, Consumer<Channel> request) {
        CompletableFuture<Void> authenticated = new CompletableFuture<>();
        Bootstrap connection = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast("handshake",
                        new ClientHandshakeHandler(proof, handshakeTimeout, authenticated));
                channel.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(),
                        TimeUnit.MILLISECONDS));
                channel.pipeline().addLast("response", reader);
            }
        });
        Channel channel = connection.connect(server).addListener(connected -> {
            if (!connected.isSuccess()) {
                reader.fail(new BlobException("Cannot connect to the blob server at " + serverName + ": "
                        + connected.cause().getMessage(), connected.cause()));
            }
        }).channel();
        authenticated.whenComplete((done, error) -> {
            if (error != null) {
                reader.fail(error);
            } else {
                channel.eventLoop().execute(() -> request.accept(channel));
            }
        });
        try {
            return reader.result().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BlobException blob ? new BlobException(blob.getMessage(), blob)
                    : new BlobException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlobException("Interrupted while talking to the blob server at " + serverName, e);
        } finally {
            channel.close();
        }
    }

    private static BlobKey keyOf(Path file) {
        MessageDigest digest = BlobFileWriter.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new BlobException("Cannot read " + file + " to upload it: " + e.getMessage(), e);
        }
        return BlobKey.fromDigest(digest.digest());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BlobException("Cannot read " + file + " to upload it: " + e.getMessage(), e);
        }
    }

    /** Stops the client's network thread; cached files stay where they are. */
    @Override
    public void close() {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
