package io.podflow.client.cli;

/** The command line is not one the CLI understands; the message says what to type instead. */
public final class CliArgumentException extends Exception {

    public CliArgumentException(String message) {
        super(message);
    }
}
