package io.podflow.dist.job;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.RecordWriter;
import io.podflow.protocol.task.TaskContext;

import java.nio.charset.StandardCharsets;

/**
 * Emits the numbers {@code 0..count-1} that fall to its subtask ({@code n % parallelism == index}) as decimal
 * text, pausing {@code pause-ms} after each, so a test can make a job last long enough to disturb it.
 */
public final class PacedNumberSource implements Invokable {

    public static final String COUNT = "count";
    public static final String PAUSE_MILLIS = "pause-ms";

    @Override
    public void invoke(TaskContext context) throws Exception {
        long count = Long.parseLong(context.configuration().get(COUNT));
        long pauseMillis = Long.parseLong(context.configuration().getOrDefault(PAUSE_MILLIS, "0"));
        RecordWriter out = context.outputs().get(0);
        for (long n = context.subtaskIndex(); n < count; n += context.parallelism()) {
            out.emit(Long.toString(n).getBytes(StandardCharsets.UTF_8));
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }
}
