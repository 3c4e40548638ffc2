package io.podflow.api.connectors;

import io.podflow.api.functions.SourceFunction;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Emits the lines of a UTF-8 text file. Subtask i of n reads the lines that start in the i-th n-th of the file's
 * bytes, so every line is read exactly once whatever the parallelism.
 */
public final class TextFileSource implements SourceFunction<String> {

    private final String path;
    private volatile boolean running = true;

    public TextFileSource(String path) {
        this.path = path;
    }

    @Override
    public void run(SourceContext<String> context) throws IOException, InterruptedException {
        Path file = Path.of(path);
        long length;
        try {
            length = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path, null, "the text file to read does not exist");
        }
        long start = length * context.subtaskIndex() / context.parallelism();
        long end = length * (context.subtaskIndex() + 1) / context.parallelism();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long offset = Math.max(0, start - 1);
            channel.position(offset);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
            if (start > 0) {
                // the line running over our start belongs to the previous part; skip through its newline
                for (int b = in.read(); b != -1; b = in.read()) {
                    offset++;
                    if (b == '\n') {
                        break;
                    }
                }
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            while (offset < end && running) {
                line.reset();
                int b = in.read();
                if (b == -1) {
                    return;
                }
                while (b != -1 && b != '\n') {
                    line.write(b);
                    b = in.read();
                }
                offset += line.size() + (b == '\n' ? 1 : 0);
                context.collect(decode(line));
            }
        }
    }

    private static String decode(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void cancel() {
        running = false;
    }
}
