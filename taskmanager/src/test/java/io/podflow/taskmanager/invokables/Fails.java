package io.podflow.taskmanager.invokables;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.TaskContext;

/** Fails with the configured message. */
public final class Fails implements Invokable {

    @Override
    public void invoke(TaskContext context) {
        throw new IllegalStateException(context.configuration().get("message"));
    }
}
