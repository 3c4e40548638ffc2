package io.podflow.api.program;

/** The user's program could not be started or ended with an error; the message says which and why. */
public final class ProgramInvocationException extends Exception {

    public ProgramInvocationException(String message) {
        super(message);
    }

    public ProgramInvocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
