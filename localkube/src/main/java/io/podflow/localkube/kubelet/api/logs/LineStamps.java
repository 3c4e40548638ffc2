package io.podflow.localkube.kubelet.api.logs;

import io.podflow.localkube.kubelet.container.LogIndex;
import io.podflow.localkube.kubelet.container.LogIndex.Mark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Puts the time each line was written in front of it, as {@code kubectl logs --timestamps} shows it
 * ({@code 2024-01-31T12:00:00.123456789Z line}): the time of the piece of output the line's first byte came in.
 * The index is read again, at most once per chunk, when output newer than its last mark is stamped.
 */
final class LineStamps {

    private final Path index;
    private List<Mark> marks;
    private boolean atLineStart = true;
    private boolean reloaded;

    LineStamps(Path index, List<Mark> marks) {
        this.index = index;
        this.marks = marks;
    }

    /** {@code chunk}, read from {@code offset} of the log, with every line that starts in it stamped. */
    byte[] stamp(byte[] chunk, long offset) throws IOException {
        reloaded = false;
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length + 64);
        for (int i = 0; i < chunk.length; i++) {
            if (atLineStart) {
                out.writeBytes((DateTimeFormatter.ISO_INSTANT.format(timeAt(offset + i)) + " ")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.write(chunk[i]);
            atLineStart = chunk[i] == '\n';
        }
        return out.toByteArray();
    }

    private Instant timeAt(long offset) throws IOException {
        if (!reloaded && (marks.isEmpty() || marks.get(marks.size() - 1).offset() < offset)) {
            marks = LogIndex.read(index);
            reloaded = true;
        }
        Instant time = Instant.EPOCH;
        for (Mark mark : marks) {
            if (mark.offset() > offset) {
                break;
            }
            time = mark.time();
        }
        return time;
    }
}
