package io.podflow.taskmanager.invokables;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.TaskContext;

import java.util.concurrent.CountDownLatch;

/** Swallows interrupts until the test releases it, as a badly written task would. */
public final class IgnoresInterrupt implements Invokable {

    public static volatile CountDownLatch release = new CountDownLatch(1);

    @Override
    public void invoke(TaskContext context) {
        while (release.getCount() > 0) {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                // deliberately ignored: this task models one that does not stop when cancelled
            }
        }
    }
}
