package io.podflow.taskmanager;

/** Told when the TaskManager can no longer be trusted to work (e.g. a task that will not stop); the process ends. */
@FunctionalInterface
public interface FatalErrorHandler {

    void onFatalError(String message);
}
