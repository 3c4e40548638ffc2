package io.podflow.client.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extra headers every REST request carries: those given in {@code FLINK_REST_CLIENT_HEADERS} (one
 * {@code Name: value} per line, as Flink's CLI reads it) and, when configured, the bearer token.
 */
public final class RestRequestHeaders {

    public static final String ENVIRONMENT_VARIABLE = "FLINK_REST_CLIENT_HEADERS";

    private RestRequestHeaders() {
    }

    /** Headers from the environment variable's text (null or blank: none), then the token, which wins. */
    public static Map<String, String> from(String environmentValue, String bearerToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (environmentValue != null) {
            for (String line : environmentValue.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        }
        if (bearerToken != null && !bearerToken.isBlank()) {
            headers.put("Authorization", "Bearer " + bearerToken);
        }
        return headers;
    }
}
