package io.podflow.protocol.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON wire form of a {@link JobGraph}, as {@code POST /jobs} accepts it and the client sends it. Ids are
 * 32 hex digits; unknown fields are refused so that a typo is not silently ignored.
 */
public final class JobGraphJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JobGraphJson() {
    }

    public static String toJson(JobGraph graph) {
        try {
            return MAPPER.writeValueAsString(graph);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A valid JobGraph must always be writable as JSON", e);
        }
    }

    /** Reads and validates a job graph; a malformed or invalid one fails with a one-line message. */
    public static JobGraph fromJson(String json) {
        try {
            return MAPPER.readValue(json, JobGraph.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new InvalidJobGraphException(reason);
        } catch (JsonProcessingException e) {
            throw new InvalidJobGraphException("Malformed job graph JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
    }
}
