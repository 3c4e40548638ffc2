package io.podflow.localkube.kubelet.api.exec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.podflow.localkube.kubelet.api.ContainerInit;
import io.podflow.localkube.kubelet.api.ContainerInits;
import io.podflow.localkube.kubelet.api.ContainerRef;
import io.podflow.localkube.kubelet.api.spdy.SpdyStream;
import io.podflow.localkube.kubelet.api.spdy.SpdyStreamListener;
import io.podflow.localkube.kubelet.api.spdy.SpdyStreamServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code kubectl exec}: waits until the client has opened every stream the request announced, runs
 * the command in the container ({@link ExecCommand}), pumps its output to the stdout/stderr streams and
 * the stdin stream to it, then reports the exit on the error stream and ends the connection.
 * Stream callbacks run on the event loop; the process and its pipes are served by {@code io} threads.
 */
public final class ExecSession implements SpdyStreamListener {

    private static final Logger LOG = LoggerFactory.getLogger(ExecSession.class);
    /** How long the client gets to open its streams, as the kubelet's stream creation timeout. */
    private static final long STREAM_TIMEOUT_SECONDS = 30;
    private static final int RESIZE_ATTEMPTS = 30;
    private static final long RESIZE_RETRY_MILLIS = 100;

    private final Channel channel;
    private final ContainerRef container;
    private final ExecRequest request;
    private final String protocol;
    private final ContainerInits inits;
    private final Executor io;
    private final Map<String, SpdyStream> streams = new HashMap<>();
    private final CompletableFuture<Process> started = new CompletableFuture<>();
    private CompletableFuture<?> stdinWrites = started;
    private final TerminalResizer resizes = new TerminalResizer();
    private boolean running;

    public ExecSession(Channel channel, ContainerRef container, ExecRequest request, String protocol,
            ContainerInits inits, Executor io) {
        this.channel = channel;
        this.container = container;
        this.request = request;
        this.protocol = protocol;
        this.inits = inits;
        this.io = io;
        channel.eventLoop().schedule(() -> {
            if (!running) {
                LOG.warn("exec in {}: the client did not open its streams within {}s", container,
                        STREAM_TIMEOUT_SECONDS);
                channel.close();
            }
        }, STREAM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void opened(SpdyStream stream) {
        String type = stream.header(StreamType.HEADER);
        if (type == null || !request.expectedStreams().contains(type)) {
            stream.reset();
            return;
        }
        streams.put(type, stream);
        if (!running && streams.keySet().containsAll(request.expectedStreams())) {
            running = true;
            io.execute(this::run);
        }
    }

    @Override
    public void data(SpdyStream stream, ByteBuf data) {
        if (stream == streams.get(StreamType.STDIN)) {
            byte[] bytes = ByteBufUtil.getBytes(data);
            stdinWrites = stdinWrites.thenAcceptAsync(ignored -> writeStdin(bytes), io);
        }
        if (stream == streams.get(StreamType.RESIZE)) {
            resizes.read(data.toString(StandardCharsets.UTF_8))
                    .forEach(size -> started.thenAcceptAsync(process -> resize(process, size, 0), io));
        }
    }

    /** The terminal appears a moment after the process starts: retry for a few seconds. */
    private void resize(Process process, TerminalResizer.Size size, int attempt) {
        if (!TerminalResizer.apply(process.toHandle(), size) && attempt < RESIZE_ATTEMPTS && process.isAlive()) {
            channel.eventLoop().schedule(() -> io.execute(() -> resize(process, size, attempt + 1)),
                    RESIZE_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void finished(SpdyStream stream) {
        if (stream == streams.get(StreamType.STDIN)) {
            stdinWrites = stdinWrites.thenAcceptAsync(ignored -> closeStdin(), io);
        }
    }

    @Override
    public void reset(SpdyStream stream) {
        // one aborted stream does not end the command; the connection closing does
    }

    @Override
    public void closed() {
        started.thenAccept(process -> {
            if (process.isAlive()) {
                LOG.info("exec in {}: client went away, stopping {}", container, request.command());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        });
    }

    private void run() {
        Optional<ContainerInit> init = inits.find(container);
        if (init.isEmpty()) {
            fail("container " + container.container() + " of pod " + container.namespace() + "/" + container.pod()
                    + " is not running");
            return;
        }
        Process process;
        try {
            process = start(init.get());
        } catch (IOException e) {
            fail("cannot run " + request.command() + " in container " + container + ": " + e.getMessage());
            return;
        }
        LOG.info("exec in {}: {} (pid {})", container, request.command(), process.pid());
        started.complete(process);
        CompletableFuture<Void> out = pump(process.getInputStream(), streams.get(StreamType.STDOUT));
        CompletableFuture<Void> err = request.stderr()
                ? pump(process.getErrorStream(), streams.get(StreamType.STDERR)) : CompletableFuture.completedFuture(null);
        int exitCode;
        try {
            exitCode = process.waitFor();
            CompletableFuture.allOf(out, err).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            exitCode = 137;
        }
        finish(ExecStatus.ofExit(protocol, exitCode));
    }

    private Process start(ContainerInit init) throws IOException {
        List<String> argv = ExecCommand.argv(init, request.command(), request.tty());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(new File("/"));
        builder.environment().clear();
        builder.environment().putAll(init.env());
        if (request.tty()) {
            builder.environment().putIfAbsent("TERM", "xterm");
        }
        if (!request.stdin()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        if (!request.stdout()) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        if (!request.stderr()) {
            builder.redirectError(request.tty() ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.DISCARD);
            builder.redirectErrorStream(request.tty());
        }
        return builder.start();
    }

    /** Copies {@code source} to {@code stream} on an io thread, then half-closes the stream. */
    private CompletableFuture<Void> pump(InputStream source, SpdyStream stream) {
        if (stream == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (source) {
                int read;
                while ((read = source.read(buffer)) >= 0) {
                    stream.write(buffer, read);
                }
            } catch (IOException e) {
                LOG.debug("exec in {}: output pipe ended: {}", container, e.getMessage());
            }
            stream.finish();
        }, io);
    }

    private void writeStdin(byte[] bytes) {
        try {
            OutputStream stdin = started.join().getOutputStream();
            stdin.write(bytes);
            stdin.flush();
        } catch (IOException e) {
            LOG.debug("exec in {}: stdin closed by the command: {}", container, e.getMessage());
        }
    }

    private void closeStdin() {
        try {
            started.join().getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("exec in {}: closing stdin: {}", container, e.getMessage());
        }
    }

    private void fail(String message) {
        LOG.warn("exec in {} failed: {}", container, message);
        started.completeExceptionally(new IllegalStateException(message));
        finish(ExecStatus.ofError(protocol, message));
    }

    /** The status goes last on the error stream; every stream is half-closed and the connection ends. */
    private void finish(byte[] status) {
        SpdyStream error = streams.get(StreamType.ERROR);
        if (status.length > 0) {
            error.write(status, status.length);
        }
        streams.values().forEach(SpdyStream::finish);
        SpdyStreamServer.goAway(channel);
    }
}
