package io.podflow.jobmanager.rest;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Map;

/** What a handler answers: a status and a body that is written as JSON. */
public record RestResponse(HttpResponseStatus status, Object body) {

    public static RestResponse ok(Object body) {
        return new RestResponse(HttpResponseStatus.OK, body);
    }

    /** 202 with an empty JSON object: the request was taken and goes on in the background. */
    public static RestResponse accepted() {
        return new RestResponse(HttpResponseStatus.ACCEPTED, Map.of());
    }

    public static RestResponse accepted(Object body) {
        return new RestResponse(HttpResponseStatus.ACCEPTED, body);
    }
}
