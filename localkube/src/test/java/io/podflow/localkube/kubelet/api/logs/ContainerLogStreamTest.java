package io.podflow.localkube.kubelet.api.logs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.podflow.localkube.kubelet.container.LogIndex;
import io.podflow.localkube.kubelet.container.LogIndex.Mark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogStreamTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    @TempDir
    Path dir;

    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor();
    private final StringBuffer body = new StringBuffer();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile HttpResponse head;

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    @Test
    void theTailOfAStoppedContainersLogIsSentAndTheResponseEnds() throws IOException {
        Path log = dir.resolve("main.log");
        Files.writeString(log, "one\ntwo\nthree\n");

        stream(log, new LogRequest(false, OptionalLong.of(2), OptionalLong.empty()), () -> false);

        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertEquals("two\nthree\n", body.toString());
        assertEquals(200, head.status().code());
        assertEquals("chunked", head.headers().get("transfer-encoding"));
    }

    @Test
    void followSendsWhatIsAppendedUntilTheContainerStops() throws IOException {
        Path log = dir.resolve("main.log");
        Files.writeString(log, "one\n");
        AtomicBoolean running = new AtomicBoolean(true);

        stream(log, new LogRequest(true, OptionalLong.empty(), OptionalLong.empty()), running::get);

        await().atMost(Duration.ofSeconds(10)).until(() -> body.toString().equals("one\n"));
        Files.writeString(log, "two\n", StandardOpenOption.APPEND);
        await().atMost(Duration.ofSeconds(10)).until(() -> body.toString().equals("one\ntwo\n"));
        assertTrue(!ended.get());
        Files.writeString(log, "last words\n", StandardOpenOption.APPEND);
        running.set(false);
        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertEquals("one\ntwo\nlast words\n", body.toString());
    }

    @Test
    void limitBytesCutsTheLog() throws IOException {
        Path log = dir.resolve("main.log");
        Files.writeString(log, "0123456789");

        stream(log, new LogRequest(true, OptionalLong.empty(), OptionalLong.of(4)), () -> true);

        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertEquals("0123", body.toString());
    }

    /** A log of two runs, each line written at its own second: {@code T0 + 1 s} for line 1, and so on. */
    private Path twoRuns() throws IOException {
        Path log = dir.resolve("main.log");
        Files.writeString(log, "one\ntwo\nthree\nfour\n");
        Files.writeString(LogIndex.of(log), String.join("\n",
                "run 0 " + T0.getEpochSecond() + ".000000000",
                "0 " + (T0.getEpochSecond() + 1) + ".000000000",
                "4 " + (T0.getEpochSecond() + 2) + ".000000000",
                "run 8 " + (T0.getEpochSecond() + 3) + ".000000000",
                "8 " + (T0.getEpochSecond() + 3) + ".500000000",
                "14 " + (T0.getEpochSecond() + 4) + ".000000000",
                ""));
        return log;
    }

    @Test
    void theCurrentRunIsServedAndThePreviousOneEndsWhereItEndedEvenWhenFollowed() throws IOException {
        Path log = twoRuns();

        stream(log, new LogRequest(false, OptionalLong.empty(), OptionalLong.empty()), () -> false);
        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertEquals("three\nfour\n", body.toString());

        reset();
        stream(log, new LogRequest(true, OptionalLong.empty(), OptionalLong.empty(), false, Optional.empty(), true),
                () -> true);
        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertEquals("one\ntwo\n", body.toString());

        reset();
        stream(log, new LogRequest(false, OptionalLong.of(1), OptionalLong.empty(), false, Optional.empty(), true),
                () -> false);
        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertEquals("two\n", body.toString());
    }

    @Test
    void timestampsPrefixEachLineWithTheTimeItsOutputCameAndSinceSkipsOlderLines() throws IOException {
        Path log = twoRuns();

        stream(log, new LogRequest(false, OptionalLong.empty(), OptionalLong.empty(), true,
                Optional.of(T0.plusSeconds(4)), false), () -> false);

        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertEquals(Instant.ofEpochSecond(T0.getEpochSecond() + 4) + " four\n", body.toString());

        reset();
        stream(log, new LogRequest(false, OptionalLong.empty(), OptionalLong.empty(), true, Optional.empty(), true),
                () -> false);
        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertEquals(T0.plusSeconds(1) + " one\n" + T0.plusSeconds(2) + " two\n", body.toString());
    }

    private void reset() {
        body.setLength(0);
        ended.set(false);
    }

    private void stream(Path log, LogRequest request, java.util.function.BooleanSupplier running) {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse response) {
                    head = response;
                }
                if (msg instanceof HttpContent content) {
                    body.append(content.content().toString(StandardCharsets.UTF_8));
                }
                if (msg instanceof LastHttpContent) {
                    ended.set(true);
                }
                ReferenceCountUtil.release(msg);
                promise.setSuccess();
            }
        });
        try {
            List<Mark> marks = LogIndex.read(LogIndex.of(log));
            new ContainerLogStream(channel, log, request, marks, LogRange.of(marks, request.previous()).orElseThrow(),
                    running, io).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
