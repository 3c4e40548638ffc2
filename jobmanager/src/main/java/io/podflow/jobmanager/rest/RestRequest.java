package io.podflow.jobmanager.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One routed request: the HTTP message with its whole body, the path parameters and the query parameters. */
public record RestRequest(FullHttpRequest http, Map<String, String> pathParameters,
        Map<String, List<String>> queryParameters) {

    /** The value of path parameter {@code name}, which the route pattern guarantees is present. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("The route has no path parameter {" + name + "}");
        }
        return value;
    }

    /** The first value of query parameter {@code name}, if given. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(values -> !values.isEmpty())
                .map(values -> values.get(0));
    }

    /** The body as a JSON tree; an empty body reads as an empty object, a malformed one is a 400. */
    public JsonNode jsonBody() {
        String text = http.content().toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return RestJson.MAPPER.createObjectNode();
        }
        try {
            return RestJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw RestException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
