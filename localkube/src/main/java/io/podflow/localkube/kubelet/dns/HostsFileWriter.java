package io.podflow.localkube.kubelet.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rewrites a hosts file in place: a running container sees the file through a bind mount that pins
 * its inode, so it is truncated and rewritten, never replaced.
 */
public final class HostsFileWriter {

    private HostsFileWriter() {
    }

    /** Writes {@code content} unless the file already holds it; returns whether it wrote. */
    public static boolean write(Path file, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                return false;
            }
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write hosts file " + file, e);
        }
    }
}
