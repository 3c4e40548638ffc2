package io.podflow.common.config;

/** A configuration value or file that podflow cannot use; the message is one line meant for people. */
public final class IllegalConfigurationException extends RuntimeException {

    public IllegalConfigurationException(String message) {
        super(message);
    }

    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
