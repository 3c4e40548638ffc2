package io.podflow.api.environment;

/** A job run by {@code execute()} failed; the cause is the first failure of a subtask. */
public final class JobExecutionException extends Exception {

    public JobExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
