package io.podflow.jobmanager.program;

/** Why a jar's program could not be run on the JobManager, in one line meant for the person who asked. */
public final class ProgramRunException extends Exception {

    public ProgramRunException(String message) {
        super(message);
    }

    public ProgramRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
