package io.podflow.protocol.blob;

import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Writes arriving blob content to a temporary file while hashing it, so the key is known when the last byte lands. */
public final class BlobFileWriter implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final MessageDigest digest = sha256();

    /** Starts a temporary file in {@code directory}. */
    public BlobFileWriter(Path directory) throws IOException {
        this.file = Files.createTempFile(directory, "incoming-", ".part");
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    /** A fresh SHA-256 digest; every JVM has one. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Writes and hashes {@code length} readable bytes of {@code content}, advancing its reader index. */
    public void write(ByteBuf content, int length) throws IOException {
        ByteBuffer[] buffers = content.nioBuffers(content.readerIndex(), length);
        for (ByteBuffer buffer : buffers) {
            digest.update(buffer.duplicate());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        content.skipBytes(length);
    }

    /** Closes the file and returns the key of everything written. */
    public BlobKey finish() throws IOException {
        channel.close();
        return BlobKey.fromDigest(digest.digest());
    }

    /** The temporary file being written. */
    public Path file() {
        return file;
    }

    /** Gives up on the content: closes and deletes the temporary file. */
    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the directory is removed with its owner; a left-over part file harms nothing
        }
    }
}
