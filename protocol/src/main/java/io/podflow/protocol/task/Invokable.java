package io.podflow.protocol.task;

/**
 * The user code of one subtask. A TaskManager creates an instance per deployment (public no-argument
 * constructor) and calls {@link #invoke} on the task's own thread; returning means FINISHED, throwing means
 * FAILED. Cancellation interrupts the thread, so long loops should end when interrupted.
 */
public interface Invokable {

    void invoke(TaskContext context) throws Exception;
}
