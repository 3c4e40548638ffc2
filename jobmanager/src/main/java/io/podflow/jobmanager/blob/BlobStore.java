package io.podflow.jobmanager.blob;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.podflow.protocol.blob.BlobException;
import io.podflow.protocol.blob.BlobFileWriter;
import io.podflow.protocol.blob.BlobKey;
import io.podflow.protocol.job.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Blob files on the JobManager's disk, one file per key, plus which jobs still need which blob. Content arrives
 * through a {@link BlobFileWriter} in the same directory and is moved into place atomically, so a reader never
 * sees a half-written blob. Safe for concurrent use: transfers run on several threads, retention calls come from
 * the Dispatcher.
 */
public final class BlobStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);

    private final Path directory;
    private final Map<JobID, Set<BlobKey>> keysByJob = new HashMap<>();

    BlobStore(Path directory) {
        this.directory = directory;
    }

    /** Creates a fresh store directory under {@code parent}, so several JobManagers can share one parent. */
    public static BlobStore createUnder(Path parent) {
        try {
            Files.createDirectories(parent);
            return new BlobStore(Files.createTempDirectory(parent, "blobStore-"));
        } catch (IOException e) {
            throw new BlobException("Cannot create the blob storage directory under " + parent + ": " + e.getMessage(),
                    e);
        }
    }

    BlobFileWriter newWriter() throws IOException {
        return new BlobFileWriter(directory);
    }

    /** Moves finished content into place under its key; the same content stored twice is kept once. */
    BlobKey add(BlobFileWriter writer) throws IOException {
        BlobKey key = writer.finish();
        Files.move(writer.file(), fileOf(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    /** Copies a local file into the store, for uploads that already sit on the JobManager's disk. */
    public BlobKey put(Path source) {
        try (BlobFileWriter writer = newWriter(); InputStream in = Files.newInputStream(source)) {
            ByteBuf chunk = Unpooled.buffer(64 * 1024);
            try {
                while (chunk.writeBytes(in, chunk.capacity()) > 0) {
                    writer.write(chunk, chunk.readableBytes());
                    chunk.clear();
                }
            } finally {
                chunk.release();
            }
            return add(writer);
        } catch (IOException e) {
            throw new BlobException("Cannot store " + source + " as a blob: " + e.getMessage(), e);
        }
    }

    /** The file holding {@code key}'s content, if the store has it. */
    public Optional<Path> find(BlobKey key) {
        Path file = fileOf(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Removes a blob; removing one that is not there does nothing. */
    public void delete(BlobKey key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new BlobException("Cannot delete blob " + key + ": " + e.getMessage(), e);
        }
    }

    /** Records that {@code jobId} needs {@code keys} until {@link #release} is called for it. */
    public synchronized void retain(JobID jobId, Collection<BlobKey> keys) {
        keysByJob.computeIfAbsent(jobId, id -> new HashSet<>()).addAll(keys);
    }

    /** Ends {@code jobId}'s retention: deletes each of its blobs that no other retained job needs. */
    public synchronized void release(JobID jobId) {
        Set<BlobKey> released = keysByJob.remove(jobId);
        if (released == null) {
            return;
        }
        for (BlobKey key : released) {
            if (keysByJob.values().stream().noneMatch(keys -> keys.contains(key))) {
                delete(key);
                LOG.info("Deleted blob {}: job {} no longer needs it", key, jobId);
            }
        }
    }

    public Path directory() {
        return directory;
    }

    private Path fileOf(BlobKey key) {
        return directory.resolve(key.hex());
    }

    /** Deletes the store directory and everything in it; closing again does nothing. */
    @Override
    public void close() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the blob storage directory {}: {}", directory, e.getMessage());
        }
    }
}
