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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogStreamTest {

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
        new ContainerLogStream(channel, log, request, running, io).start();
    }
}
