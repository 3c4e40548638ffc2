package io.podflow.protocol.blob;

import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Streams a fetched blob into the client's cache directory, checks its SHA-256 against the requested key and only
 * then moves it to its cache name, so the cache never holds corrupt or partial content.
 */
final class GetResponseReader extends BlobResponseReader<Path> {

    private final BlobKey key;
    private final Path cacheDirectory;
    private BlobFileWriter download;
    private long remaining = -1;

    GetResponseReader(String server, Duration idleTimeout, BlobKey key, Path cacheDirectory) {
        super(server, idleTimeout);
        this.key = key;
        this.cacheDirectory = cacheDirectory;
    }

    @Override
    protected Path readBody(ByteBuf in) throws IOException {
        if (download == null) {
            if (in.readableBytes() < BlobWire.LENGTH_BYTES) {
                return null;
            }
            remaining = in.readLong();
            download = new BlobFileWriter(cacheDirectory);
        }
        int chunk = (int) Math.min(remaining, in.readableBytes());
        download.write(in, chunk);
        remaining -= chunk;
        if (remaining > 0) {
            return null;
        }
        BlobKey received = download.finish();
        if (!received.equals(key)) {
            throw new BlobException("Blob " + key + " arrived with different content (SHA-256 " + received + ")");
        }
        Path cached = cacheDirectory.resolve(key.hex());
        Files.move(download.file(), cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        download = null;
        return cached;
    }

    @Override
    protected void abandon() {
        if (download != null) {
            download.close();
        }
    }
}
