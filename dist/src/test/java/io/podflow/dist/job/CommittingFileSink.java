package io.podflow.dist.job;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.TaskContext;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each record as a line into a temporary file and, once its input has ended, renames it to
 * {@code part-<subtask>} in directory {@code dir}: an attempt that dies half way leaves no part file, so the part
 * files hold exactly the output of the attempts that finished. Also leaves {@code ran-on-<pid>-<subtask>}, naming
 * the TaskManager process that ran the subtask.
 */
public final class CommittingFileSink implements Invokable {

    public static final String DIRECTORY = "dir";

    @Override
    public void invoke(TaskContext context) throws Exception {
        Path directory = Files.createDirectories(Path.of(context.configuration().get(DIRECTORY)));
        Path inProgress = Files.createTempFile(directory, ".in-progress-", "");
        RecordReader in = context.inputs().get(0);
        try (BufferedWriter writer = Files.newBufferedWriter(inProgress, StandardCharsets.UTF_8)) {
            for (byte[] record = in.next(); record != null; record = in.next()) {
                writer.write(new String(record, StandardCharsets.UTF_8));
                writer.newLine();
            }
        }
        Files.move(inProgress, directory.resolve("part-" + context.subtaskIndex()),
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(directory.resolve("ran-on-" + ProcessHandle.current().pid() + "-"
                + context.subtaskIndex()), "");
    }
}
