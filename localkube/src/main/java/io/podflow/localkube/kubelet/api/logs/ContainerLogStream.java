package io.podflow.localkube.kubelet.api.logs;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a container's log file as a chunked HTTP response: from the start of the last
 * {@code tailLines} lines (or the beginning), at most {@code limitBytes}, and with {@code follow} it
 * keeps polling for appended output until the container stops or the client goes away. The next chunk
 * is read only once the previous one is written, so a slow client never makes the kubelet buffer a log.
 */
public final class ContainerLogStream {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLogStream.class);
    private static final int CHUNK = 64 * 1024;
    private static final long FOLLOW_POLL_MILLIS = 200;

    private final Channel channel;
    private final Path file;
    private final LogRequest request;
    private final BooleanSupplier containerRunning;
    private final ScheduledExecutorService io;
    private long offset;
    private long remaining;

    public ContainerLogStream(Channel channel, Path file, LogRequest request, BooleanSupplier containerRunning,
            ScheduledExecutorService io) {
        this.channel = channel;
        this.file = file;
        this.request = request;
        this.containerRunning = containerRunning;
        this.io = io;
        this.remaining = request.limitBytes().orElse(Long.MAX_VALUE);
    }

    /** Sends the response head and starts reading on the io pool. */
    public void start() {
        io.execute(() -> {
            try (FileChannel log = FileChannel.open(file, StandardOpenOption.READ)) {
                offset = request.tailLines().isPresent() ? LogTail.startOfLastLines(log, request.tailLines().getAsLong())
                        : 0;
            } catch (IOException e) {
                LOG.debug("cannot read {}: {}", file, e.getMessage());
            }
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                    .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            channel.writeAndFlush(head);
            sendMore();
        });
    }

    private void sendMore() {
        // sampled before reading: output written before the container stopped is still sent
        boolean running = containerRunning.getAsBoolean();
        byte[] chunk;
        try {
            chunk = read();
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", file, e.getMessage());
            chunk = new byte[0];
        }
        if (chunk.length > 0) {
            offset += chunk.length;
            remaining -= chunk.length;
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk))).addListener(written -> {
                if (written.isSuccess()) {
                    io.execute(this::sendMore);
                }
            });
        } else if (request.follow() && running && remaining > 0 && channel.isActive()) {
            io.schedule(this::sendMore, FOLLOW_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private byte[] read() throws IOException {
        try (FileChannel log = FileChannel.open(file, StandardOpenOption.READ)) {
            int size = (int) Math.min(CHUNK, Math.min(remaining, Math.max(0, log.size() - offset)));
            ByteBuffer buffer = ByteBuffer.allocate(size);
            while (buffer.hasRemaining() && log.read(buffer, offset + buffer.position()) > 0) {
                // FileChannel may return fewer bytes than asked for
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        }
    }
}
