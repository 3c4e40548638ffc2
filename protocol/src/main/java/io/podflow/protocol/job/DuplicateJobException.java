package io.podflow.protocol.job;

/** A job with the submitted id is already running or remembered; REST answers 409. */
public class DuplicateJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateJobException(JobID jobId) {
        super("Job " + jobId + " was already submitted; submit with a new job id");
    }
}
