package io.podflow.dist.job;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads slowly on purpose, pausing a millisecond after every {@code every} records, and once its input has ended
 * writes how many records it read to {@code count-<subtask>} in directory {@code dir}.
 */
public final class SlowCountingSink implements Invokable {

    public static final String DIRECTORY = "dir";
    public static final String PAUSE_EVERY = "pause-every";

    @Override
    public void invoke(TaskContext context) throws Exception {
        Path directory = Files.createDirectories(Path.of(context.configuration().get(DIRECTORY)));
        long every = Long.parseLong(context.configuration().get(PAUSE_EVERY));
        RecordReader in = context.inputs().get(0);
        long read = 0;
        while (in.next() != null) {
            read++;
            if (read % every == 0) {
                Thread.sleep(1);
            }
        }
        Files.writeString(directory.resolve("count-" + context.subtaskIndex()), Long.toString(read));
    }
}
