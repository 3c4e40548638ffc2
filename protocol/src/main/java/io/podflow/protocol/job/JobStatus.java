package io.podflow.protocol.job;

/** The life of a job as the Dispatcher and REST report it. */
public enum JobStatus {
    INITIALIZING,
    CREATED,
    RUNNING,
    FAILING,
    CANCELLING,
    RESTARTING,
    FINISHED,
    CANCELED,
    FAILED;

    /** True once the job is over for good: FINISHED, CANCELED or FAILED. */
    public boolean isGloballyTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }
}
