package io.podflow.localkube.kubelet.api.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Finds where the last N lines of (a part of) a log file begin, reading backwards from its end. */
public final class LogTail {

    private static final int BLOCK = 8 * 1024;

    private LogTail() {
    }

    /**
     * The offset of the first byte of the last {@code lines} lines in the part of the file from {@code from} to
     * {@code to} (a final line without newline counts).
     */
    public static long startOfLastLines(FileChannel file, long lines, long from, long to) throws IOException {
        if (lines == 0) {
            return to;
        }
        // a newline that ends the part closes the last line rather than starting an empty one
        long end = to > from && byteAt(file, to - 1) == '\n' ? to - 1 : to;
        long newlines = 0;
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        while (end > from) {
            long start = Math.max(from, end - BLOCK);
            block.clear().limit((int) (end - start));
            file.read(block, start);
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n' && ++newlines == lines) {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return from;
    }

    private static byte byteAt(FileChannel file, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        file.read(one, position);
        return one.get(0);
    }
}
