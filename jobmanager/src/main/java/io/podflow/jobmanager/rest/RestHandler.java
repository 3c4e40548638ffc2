package io.podflow.jobmanager.rest;

import java.util.concurrent.CompletableFuture;

/**
 * Answers the requests of one route. A handler may fail its future (or throw) with a {@link RestException} to
 * choose the error status; any other failure becomes a 500.
 */
@FunctionalInterface
public interface RestHandler {

    CompletableFuture<RestResponse> handle(RestRequest request) throws Exception;
}
