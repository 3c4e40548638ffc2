package io.podflow.protocol.job;

/** The Dispatcher knows no running or remembered job with the id asked for; REST answers 404. */
public class UnknownJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownJobException(JobID jobId) {
        super("Job " + jobId + " is unknown: it never ran here or has left the finished-job history");
    }
}
