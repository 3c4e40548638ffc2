package io.podflow.taskmanager.invokables;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.TaskContext;

import java.util.concurrent.CountDownLatch;

/** Blocks until its thread is interrupted, as a well-behaved long-running task does. */
public final class WaitsForInterrupt implements Invokable {

    @Override
    public void invoke(TaskContext context) throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
