package io.podflow.bench.cluster;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.TaskContext;

/** A subtask that does nothing and stays RUNNING until its job is cancelled (which interrupts its thread). */
public final class RunUntilCancelled implements Invokable {

    private final Object idle = new Object();

    @Override
    public void invoke(TaskContext context) {
        synchronized (idle) {
            try {
                while (true) {
                    idle.wait();
                }
            } catch (InterruptedException cancelled) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
