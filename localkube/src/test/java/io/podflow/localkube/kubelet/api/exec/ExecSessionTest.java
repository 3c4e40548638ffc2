package io.podflow.localkube.kubelet.api.exec;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.podflow.localkube.kubelet.api.ContainerInits;
import io.podflow.localkube.kubelet.api.ContainerRef;
import io.podflow.localkube.kubelet.api.PodFiles;
import io.podflow.localkube.kubelet.api.spdy.RecordedFrames;
import io.podflow.localkube.kubelet.api.spdy.SpdyStreamServer;
import io.podflow.localkube.kubelet.container.ProcessRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exec over SPDY frames against a stand-in container: a shell (the namespace owner the kubelet records)
 * whose child {@code sleep} plays the container command, so nsenter joins the test's own namespaces.
 */
class ExecSessionTest {

    private static final ContainerRef CONTAINER = new ContainerRef("ns", "pod", "main");
    private static final int ERROR = 1;
    private static final int STDIN = 3;
    private static final int STDOUT = 5;
    private static final int STDERR = 7;
    private static final int RESIZE = 9;

    @TempDir
    Path pods;

    private final ExecutorService io = Executors.newCachedThreadPool();
    private final RecordedFrames frames = new RecordedFrames();
    private Process container;
    private ContainerInits inits;

    @BeforeEach
    void startContainer() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "sleep 600; true");
        builder.environment().put("GREETING", "from-the-container");
        container = builder.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> container.children().findAny().isPresent());
        PodFiles files = new PodFiles(pods);
        Files.createDirectories(files.pidFile(CONTAINER).getParent());
        ProcessRecords.write(files.pidFile(CONTAINER), container.pid());
        inits = new ContainerInits(files);
    }

    @AfterEach
    void stop() {
        container.descendants().forEach(ProcessHandle::destroyForcibly);
        container.destroyForcibly();
        io.shutdownNow();
    }

    @Test
    void stdinReachesTheCommandWhichSeesTheContainerEnvironmentAndSucceeds() {
        EmbeddedChannel channel = session(new ExecRequest(List.of("sh", "-c", "echo $GREETING; cat"), true, true, true,
                false));
        open(channel, ERROR, "error");
        open(channel, STDIN, "stdin");
        open(channel, STDOUT, "stdout");
        open(channel, STDERR, "stderr");
        channel.writeInbound(new DefaultSpdyDataFrame(STDIN, Unpooled.copiedBuffer("hi\n", StandardCharsets.UTF_8)));
        DefaultSpdyDataFrame endOfInput = new DefaultSpdyDataFrame(STDIN);
        endOfInput.setLast(true);
        channel.writeInbound(endOfInput);

        await().atMost(Duration.ofSeconds(30)).until(() -> frames.finished(ERROR));
        assertEquals("from-the-container\nhi\n", frames.text(STDOUT));
        assertTrue(frames.text(ERROR).contains("\"status\":\"Success\""), frames.text(ERROR));
        assertTrue(frames.finished(STDOUT) && frames.finished(STDERR));
    }

    @Test
    void aNonZeroExitIsReportedWithItsCodeAndStderrIsSeparate() {
        EmbeddedChannel channel = session(new ExecRequest(List.of("sh", "-c", "echo oops >&2; exit 3"), false, true,
                true, false));
        open(channel, ERROR, "error");
        open(channel, STDOUT, "stdout");
        open(channel, STDERR, "stderr");

        await().atMost(Duration.ofSeconds(30)).until(() -> frames.finished(ERROR));
        assertEquals("oops\n", frames.text(STDERR));
        assertEquals("", frames.text(STDOUT));
        String status = frames.text(ERROR);
        assertTrue(status.contains("\"reason\":\"NonZeroExitCode\"") && status.contains("\"message\":\"3\""), status);
    }

    @Test
    void withATtyTheCommandGetsATerminalThatFollowsTheClientsSize() {
        EmbeddedChannel channel = session(new ExecRequest(List.of("sh", "-c",
                "test -t 0 && trap 'stty size; exit 0' WINCH && echo trapping; while :; do sleep 0.1; done"), true, true,
                false, true));
        open(channel, ERROR, "error");
        open(channel, STDIN, "stdin");
        open(channel, STDOUT, "stdout");
        open(channel, RESIZE, "resize");
        // a resize before the shell set its trap would go unseen (SIGWINCH is ignored by default)
        await().atMost(Duration.ofSeconds(30)).until(() -> frames.text(STDOUT).contains("trapping"));
        channel.writeInbound(new DefaultSpdyDataFrame(RESIZE,
                Unpooled.copiedBuffer("{\"Width\":100,\"Height\":40}", StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).until(() -> frames.finished(ERROR));
        assertTrue(frames.text(STDOUT).contains("40 100"), frames.text(STDOUT));
        assertTrue(frames.text(ERROR).contains("\"status\":\"Success\""), frames.text(ERROR));
    }

    @Test
    void resizeMessagesMayArriveSplitOrSeveralAtOnce() {
        TerminalResizer resizer = new TerminalResizer();
        assertEquals(List.of(), resizer.read("{\"Width\":80,"));
        assertEquals(List.of(new TerminalResizer.Size(80, 24), new TerminalResizer.Size(120, 50)),
                resizer.read("\"Height\":24}{\"Width\":120,\"Height\":50}"));
    }

    @Test
    void aContainerThatDoesNotRunIsAFailureOnTheErrorStream() {
        container.descendants().forEach(ProcessHandle::destroyForcibly);
        container.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !container.isAlive());
        EmbeddedChannel channel = session(new ExecRequest(List.of("true"), false, true, false, false));
        open(channel, ERROR, "error");
        open(channel, STDOUT, "stdout");

        await().atMost(Duration.ofSeconds(30)).until(() -> frames.finished(ERROR));
        assertTrue(frames.text(ERROR).contains("container main of pod ns/pod is not running"), frames.text(ERROR));
    }

    @Test
    void theRequestNamesTheStreamsTheClientOpens() {
        ExecRequest request = ExecRequest.parse(Map.of("command", List.of("bash"), "input", List.of("1"),
                "output", List.of("1"), "error", List.of("1"), "tty", List.of("1")));
        assertEquals(List.of("error", "stdin", "stdout", "resize"), List.copyOf(request.expectedStreams()));
        assertEquals(List.of("/usr/bin/nsenter", "--target", "42", "--mount", "--uts", "--pid", "--wd",
                "--setgid", "0", "--setuid", "9999", "--", "/usr/bin/script", "--quiet", "--return", "--flush",
                "--command", "'echo' 'it'\\''s'", "/dev/null"),
                ExecCommand.argv(new io.podflow.localkube.kubelet.api.ContainerInit(42, Map.of(), 9999, 0),
                        List.of("echo", "it's"), true));
    }

    private EmbeddedChannel session(ExecRequest request) {
        EmbeddedChannel channel = new EmbeddedChannel(frames);
        channel.pipeline().addLast(new SpdyStreamServer(new ExecSession(channel, CONTAINER, request,
                "v4.channel.k8s.io", inits, io)));
        return channel;
    }

    private static void open(EmbeddedChannel channel, int id, String type) {
        DefaultSpdySynStreamFrame syn = new DefaultSpdySynStreamFrame(id, 0, (byte) 0);
        syn.headers().set("streamtype", type);
        channel.writeInbound(syn);
    }
}
