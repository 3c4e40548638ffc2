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
import io.podflow.localkube.kubelet.container.LogIndex;
import io.podflow.localkube.kubelet.container.LogIndex.Mark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one run of a container's log file (see {@link LogRange}) as a chunked HTTP response: from the
 * later of the start of the last {@code tailLines} lines and the first output since {@code since} (or the
 * run's beginning), at most {@code limitBytes}, lines stamped with their time when asked, and with
 * {@code follow} it keeps polling the current run for appended output until the container stops or the
 * client goes away. The next chunk is read only once the previous one is written, so a slow client never
 * makes the kubelet buffer a log.
 */
public final class ContainerLogStream {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLogStream.class);
    private static final int CHUNK = 64 * 1024;
    private static final long FOLLOW_POLL_MILLIS = 200;

    private final Channel channel;
    private final Path file;
    private final LogRequest request;
    private final LogRange range;
    private final BooleanSupplier containerRunning;
    private final ScheduledExecutorService io;
    private final List<Mark> marks;
    private final Optional<LineStamps> stamps;
    private long offset;
    private long remaining;

    /**
     * @param marks the log's {@link LogIndex} as {@code range} was chosen from
     */
    public ContainerLogStream(Channel channel, Path file, LogRequest request, List<Mark> marks, LogRange range,
            BooleanSupplier containerRunning, ScheduledExecutorService io) {
        this.channel = channel;
        this.file = file;
        this.request = request;
        this.range = range;
        this.containerRunning = containerRunning;
        this.io = io;
        this.remaining = request.limitBytes().orElse(Long.MAX_VALUE);
        this.marks = List.copyOf(marks);
        this.stamps = request.timestamps() ? Optional.of(new LineStamps(LogIndex.of(file), marks)) : Optional.empty();
        this.offset = range.start();
    }

    /** Sends the response head and starts reading on the io pool. */
    public void start() {
        io.execute(() -> {
            try (FileChannel log = FileChannel.open(file, StandardOpenOption.READ)) {
                long end = range.end().orElse(log.size());
                if (request.tailLines().isPresent()) {
                    offset = LogTail.startOfLastLines(log, request.tailLines().getAsLong(), range.start(), end);
                }
                if (request.since().isPresent()) {
                    offset = Math.max(offset, range.startSince(marks, request.since().get(), end));
                }
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
            byte[] sent;
            try {
                sent = stamps.isPresent() ? stamps.get().stamp(chunk, offset) : chunk;
            } catch (IOException e) {
                LOG.debug("cannot read the index of {}: {}", file, e.getMessage());
                sent = chunk;
            }
            offset += chunk.length;
            remaining -= chunk.length;
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(sent))).addListener(written -> {
                if (written.isSuccess()) {
                    io.execute(this::sendMore);
                }
            });
        } else if (request.follow() && range.end().isEmpty() && running && remaining > 0 && channel.isActive()) {
            io.schedule(this::sendMore, FOLLOW_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private byte[] read() throws IOException {
        try (FileChannel log = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = range.end().orElse(log.size());
            int size = (int) Math.min(CHUNK, Math.min(remaining, Math.max(0, end - offset)));
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
