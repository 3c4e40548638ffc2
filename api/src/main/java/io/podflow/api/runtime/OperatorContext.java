package io.podflow.api.runtime;

/** What an operator sees of the subtask it runs in. */
public record OperatorContext(String taskName, int subtaskIndex, int parallelism, ClassLoader userClassLoader,
        ProcessingTimeService processingTime) {
}
