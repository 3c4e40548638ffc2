package io.podflow.taskmanager.invokables;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.RecordWriter;
import io.podflow.protocol.task.TaskContext;

import java.nio.charset.StandardCharsets;

/** Emits the numbers {@code subtask, subtask + parallelism, ...} below {@code count} on every output. */
public final class NumberSource implements Invokable {

    @Override
    public void invoke(TaskContext context) throws Exception {
        int count = Integer.parseInt(context.configuration().get("count"));
        for (int number = context.subtaskIndex(); number < count; number += context.parallelism()) {
            for (RecordWriter output : context.outputs()) {
                output.emit(Integer.toString(number).getBytes(StandardCharsets.UTF_8), number);
            }
        }
    }
}
