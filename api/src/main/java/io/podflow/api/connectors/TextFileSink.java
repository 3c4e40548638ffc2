package io.podflow.api.connectors;

import io.podflow.api.functions.RichFunction;
import io.podflow.api.functions.RuntimeContext;
import io.podflow.api.functions.SinkFunction;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each record's {@code toString()} as a line. With parallelism 1 {@code path} is the file; otherwise it is a
 * directory holding one file per subtask, named 1, 2, ... Existing files are overwritten.
 */
public final class TextFileSink<T> implements SinkFunction<T>, RichFunction {

    private final String path;
    private transient BufferedWriter writer;

    public TextFileSink(String path) {
        this.path = path;
    }

    @Override
    public void open(RuntimeContext context) throws IOException {
        Path target = Path.of(path);
        if (context.getNumberOfParallelSubtasks() > 1) {
            Files.createDirectories(target);
            target = target.resolve(Integer.toString(context.getIndexOfThisSubtask() + 1));
        } else if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
    }

    @Override
    public void invoke(T value) throws IOException {
        writer.write(String.valueOf(value));
        writer.newLine();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
