package io.podflow.client.rest;

import io.podflow.client.FakeRestServer;
import io.podflow.client.FakeRestServer.Answer;
import io.podflow.protocol.job.JobEdge;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestClusterClientTest {

    private final FakeRestServer server = new FakeRestServer();
    private final RestClusterClient client = new RestClusterClient(server.uri(),
            Map.of("Authorization", "Bearer t0ken"), Duration.ofSeconds(10));

    RestClusterClientTest() throws IOException {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void uploadsTheJarAsTheMultipartFieldFlinkUsesAndReturnsItsId(@TempDir Path dir) throws IOException {
        Path jar = Files.write(dir.resolve("job.jar"), "PK-fake-jar-bytes".getBytes());
        server.on("POST", "/jars/upload", request -> new Answer(200,
                "{\"filename\":\"/tmp/uploads/abc_job.jar\",\"status\":\"success\"}"));

        String jarId = client.uploadJar(jar);

        assertEquals("abc_job.jar", jarId);
        FakeRestServer.Recorded upload = server.requests().get(0);
        assertTrue(upload.bodyText().contains("name=\"jarfile\"; filename=\"job.jar\""));
        assertTrue(upload.bodyText().contains("PK-fake-jar-bytes"));
        assertEquals(List.of("Bearer t0ken"), upload.headers().get("Authorization"));
    }

    @Test
    void submitsTheGraphWithItsJarIds() {
        JobGraph graph = twoVertexGraph();
        server.on("POST", "/jobs", request -> new Answer(202, "{\"jobUrl\":\"/jobs/" + graph.jobId() + "\"}"));

        JobID submitted = client.submitJob(graph, List.of("abc_job.jar"));

        assertEquals(graph.jobId(), submitted);
        String body = server.requests().get(0).bodyText();
        assertTrue(body.contains("\"jarIds\":[\"abc_job.jar\"]"), body);
        assertTrue(body.contains(graph.jobId().toString()), body);
    }

    @Test
    void readsStatusListAndRootException() {
        JobID jobId = JobID.generate();
        server.on("GET", "/jobs/" + jobId, request -> new Answer(200, "{\"jid\":\"" + jobId + "\",\"state\":\"FAILED\"}"))
                .on("GET", "/jobs/" + jobId + "/exceptions", request -> new Answer(200,
                        "{\"root-exception\":\"java.lang.IllegalStateException: boom\\n\\tat X\"}"))
                .on("GET", "/jobs/overview", request -> new Answer(200, "{\"jobs\":[{\"jid\":\"" + jobId
                        + "\",\"name\":\"wc\",\"state\":\"RUNNING\",\"start-time\":5}]}"));

        assertEquals(JobStatus.FAILED, client.jobStatus(jobId));
        assertTrue(client.rootException(jobId).startsWith("java.lang.IllegalStateException: boom"));
        assertEquals(List.of(new JobSummary(jobId, "wc", JobStatus.RUNNING, 5)), client.listJobs());
    }

    @Test
    void cancelSendsPatchWithModeCancel() {
        JobID jobId = JobID.generate();
        server.on("PATCH", "/jobs/" + jobId, request -> new Answer(202, "{}"));

        client.cancelJob(jobId);

        assertEquals("PATCH", server.requests().get(0).method());
    }

    @Test
    void theServersErrorLinesBecomeTheExceptionMessage() {
        JobID jobId = JobID.generate();
        server.on("GET", "/jobs/" + jobId, request -> new Answer(404,
                "{\"errors\":[\"Job " + jobId + " is not known\"]}"));

        RestClientException error = assertThrows(RestClientException.class, () -> client.jobStatus(jobId));

        assertEquals(404, error.statusCode());
        assertTrue(error.getMessage().endsWith("answered 404: Job " + jobId + " is not known"), error.getMessage());
    }

    @Test
    void anUnreachableServerIsSaidInOneLine() {
        server.close();

        RestClientException error = assertThrows(RestClientException.class, client::listJobs);

        assertTrue(error.getMessage().contains("Cannot reach the JobManager's REST endpoint"), error.getMessage());
    }

    static JobGraph twoVertexGraph() {
        JobVertex source = new JobVertex(JobVertexID.generate(), "source", "example.Source", 2, Map.of());
        JobVertex sink = new JobVertex(JobVertexID.generate(), "sink", "example.Sink", 2, Map.of());
        return new JobGraph(JobID.generate(), "two vertices", List.of(source, sink),
                List.of(new JobEdge(source.id(), sink.id(), Partitioning.FORWARD)), List.of(), Map.of());
    }
}
