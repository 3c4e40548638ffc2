package io.podflow.client.rest;

/** A REST call that did not succeed: the server's own error lines when it sent some, else what went wrong. */
public final class RestClientException extends RuntimeException {

    private final int statusCode;

    public RestClientException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public RestClientException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int statusCode() {
        return statusCode;
    }
}
