package io.podflow.localkube.kubelet.api.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Finds where the last N lines of a log file begin, reading backwards from its end. */
public final class LogTail {

    private static final int BLOCK = 8 * 1024;

    private LogTail() {
    }

    /** The offset of the first byte of the last {@code lines} lines (a final line without newline counts). */
    public static long startOfLastLines(FileChannel file, long lines) throws IOException {
        long size = file.size();
        if (lines == 0) {
            return size;
        }
        // a newline that ends the file closes the last line rather than starting an empty one
        long end = size > 0 && byteAt(file, size - 1) == '\n' ? size - 1 : size;
        long newlines = 0;
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        while (end > 0) {
            long start = Math.max(0, end - BLOCK);
            block.clear().limit((int) (end - start));
            file.read(block, start);
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n' && ++newlines == lines) {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    private static byte byteAt(FileChannel file, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        file.read(one, position);
        return one.get(0);
    }
}
