package io.podflow.client.rest;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestRequestHeadersTest {

    @Test
    void readsOneHeaderPerLineAsFlinksCliDoes() {
        Map<String, String> headers = RestRequestHeaders.from(
                "Authorization: Bearer abc:def\nX-Trace: 42\nnot a header", null);

        assertEquals(Map.of("Authorization", "Bearer abc:def", "X-Trace", "42"), headers);
    }

    @Test
    void configuredTokenWinsOverTheEnvironment() {
        Map<String, String> headers = RestRequestHeaders.from("Authorization: Bearer old", "new");

        assertEquals("Bearer new", headers.get("Authorization"));
    }

    @Test
    void nothingGivenMeansNoHeaders() {
        assertEquals(Map.of(), RestRequestHeaders.from(null, " "));
    }
}
