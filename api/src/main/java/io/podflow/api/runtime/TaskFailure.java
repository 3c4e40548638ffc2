package io.podflow.api.runtime;

/** A failure on one of a task's feeder threads, handed to the task thread to rethrow. */
record TaskFailure(String where, Throwable cause) {
}
