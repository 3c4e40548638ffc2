package io.podflow.localkube.kubelet.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a container's output (stdout and stderr, merged) into its log file as it arrives, marking in the
 * {@link LogIndex} when each piece came, so the log API can show times and start from one. The mark is written
 * before the bytes it dates, so every byte a reader sees has a time. Reads to the end even when the log cannot
 * be written, so the container never blocks on a full pipe.
 */
final class ContainerOutput implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerOutput.class);
    private static final int BUFFER = 16 * 1024;

    private final InputStream output;
    private final Path logFile;
    private final Clock clock;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    ContainerOutput(InputStream output, Path logFile, Clock clock) {
        this.output = output;
        this.logFile = logFile;
        this.clock = clock;
    }

    /** Completes once the container's output has ended and all of it is in the log. */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = output;
                FileChannel log = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
            boolean writable = true;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (read == 0 || !writable) {
                    continue;
                }
                try {
                    LogIndex.append(LogIndex.of(logFile), new LogIndex.Mark(log.size(), clock.instant(), false));
                    log.write(ByteBuffer.wrap(buffer, 0, read));
                } catch (IOException e) {
                    LOG.warn("cannot write the log {}; the rest of this container's output is dropped: {}", logFile,
                            e.getMessage());
                    writable = false;
                }
            }
        } catch (IOException e) {
            LOG.debug("output of the container logging to {} ended: {}", logFile, e.getMessage());
        } finally {
            done.complete(null);
        }
    }
}
