package io.podflow.protocol.job;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobGraphJsonTest {

    private static final String SOURCE_ID = "0123456789abcdef0123456789abcdef";
    private static final String SINK_ID = "fedcba9876543210fedcba9876543210";
    private static final String JOB_ID = "00000000000000000000000000000042";

    private static String json(String sinkParallelism, String partitioning) {
        return """
            {"jobId": "%s", "name": "wordcount",
             "vertices": [
               {"id": "%s", "name": "sink", "invokableClassName": "com.example.Sink", "parallelism": %s},
               {"id": "%s", "name": "source", "invokableClassName": "com.example.Source", "parallelism": 2,
                "configuration": {"path": "/in"}}],
             "edges": [{"source": "%s", "target": "%s", "partitioning": "%s"}],
             "jarBlobKeys": ["abc"],
             "configuration": {"pipeline.name": "wc"}}
            """.formatted(JOB_ID, SINK_ID, sinkParallelism, SOURCE_ID, SOURCE_ID, SINK_ID, partitioning);
    }

    @Test
    void readsTheDocumentedFormAndValidatesIt() {
        JobGraph graph = JobGraphJson.fromJson(json("2", "FORWARD"));

        assertEquals(JobID.fromHexString(JOB_ID), graph.jobId());
        assertEquals(List.of("source", "sink"), graph.vertices().stream().map(JobVertex::name).toList());
        assertEquals(Map.of("path", "/in"), graph.vertices().get(0).configuration());
        assertEquals(Map.of(), graph.vertices().get(1).configuration());
        assertEquals(List.of("abc"), graph.jarBlobKeys());
    }

    @Test
    void roundTripsThroughJson() {
        JobGraph graph = JobGraphJson.fromJson(json("3", "HASH"));
        String written = JobGraphJson.toJson(graph);
        assertTrue(written.contains("\"jobId\":\"" + JOB_ID + "\""), written);
        assertEquals(graph, JobGraphJson.fromJson(written));
    }

    @Test
    void invalidGraphGetsTheValidationMessage() {
        InvalidJobGraphException error = assertThrows(InvalidJobGraphException.class,
                () -> JobGraphJson.fromJson(json("3", "FORWARD")));
        assertTrue(error.getMessage().startsWith("The FORWARD edge 'source' -> 'sink' joins parallelism 2 to 3"),
                error.getMessage());
    }

    @Test
    void malformedInputGetsOneLineSayingWhere() {
        assertOneLine(errorOf("{\"jobId\": "), "Malformed job graph JSON");
        assertOneLine(errorOf(json("2", "SIDEWAYS")), "SIDEWAYS");
        assertOneLine(errorOf(json("2", "FORWARD").replace("\"name\": \"wordcount\"",
                "\"nmae\": \"wordcount\"")), "needs a name");
        assertOneLine(errorOf(json("2", "FORWARD").replace(JOB_ID, "42")), "not a valid job id");
    }

    private static String errorOf(String json) {
        return assertThrows(InvalidJobGraphException.class, () -> JobGraphJson.fromJson(json)).getMessage();
    }

    private static void assertOneLine(String message, String mentions) {
        assertTrue(message.contains(mentions), message);
        assertTrue(!message.contains("\n"), message);
    }
}
