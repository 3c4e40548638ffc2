package io.podflow.jobmanager.rest;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A request the REST server answers with an error status; the message is the one line the caller sees. */
public class RestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;

    public RestException(HttpResponseStatus status, String message) {
        super(message);
        this.status = status;
    }

    public static RestException badRequest(String message) {
        return new RestException(HttpResponseStatus.BAD_REQUEST, message);
    }

    public static RestException notFound(String message) {
        return new RestException(HttpResponseStatus.NOT_FOUND, message);
    }

    public HttpResponseStatus status() {
        return status;
    }
}
