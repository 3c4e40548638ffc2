package io.podflow.protocol.job;

/** A JobGraph that cannot run as described; the message says what is wrong in one line. */
public final class InvalidJobGraphException extends IllegalArgumentException {

    public InvalidJobGraphException(String message) {
        super(message);
    }
}
