package io.podflow.jobmanager.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobExceptionInfo;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.SubtaskDetails;
import io.podflow.protocol.job.TaskLoad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobEndpointsTest {

    @TempDir
    Path temp;

    private RunningRestServer rest;

    @BeforeEach
    void start() {
        rest = RunningRestServer.start(temp);
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void listsEveryJobWithItsStatus() throws Exception {
        JobID running = rest.dispatcher.addJob("wordcount", JobStatus.RUNNING, 1000, -1, Map.of());
        JobID failed = rest.dispatcher.addJob("join", JobStatus.FAILED, 1000, 2000, Map.of());

        RunningRestServer.Reply reply = rest.get("/jobs");

        assertEquals(200, reply.status());
        Map<String, String> statusById = new HashMap<>();
        reply.body().path("jobs").forEach(job -> statusById.put(job.path("id").asText(), job.path("status").asText()));
        assertEquals(Map.of(running.toString(), "RUNNING", failed.toString(), "FAILED"), statusById);
    }

    @Test
    void overviewShowsNamesTimesAndSubtaskCounts() throws Exception {
        JobID finished = rest.dispatcher.addJob("wordcount", JobStatus.FINISHED, 1000, 4500,
                Map.of(ExecutionState.FINISHED, 4));

        JsonNode job = rest.get("/jobs/overview").body().path("jobs").path(0);

        assertEquals(finished.toString(), job.path("jid").asText());
        assertEquals("wordcount", job.path("name").asText());
        assertEquals("FINISHED", job.path("state").asText());
        assertEquals(1000, job.path("start-time").asLong());
        assertEquals(4500, job.path("end-time").asLong());
        assertEquals(3500, job.path("duration").asLong());
        assertEquals(4, job.path("tasks").path("total").asInt());
        assertEquals(4, job.path("tasks").path("finished").asInt());
        assertEquals(0, job.path("tasks").path("running").asInt());
    }

    @Test
    void detailsShowTheJobAndEachVertex() throws Exception {
        JobID id = rest.dispatcher.addJob("wordcount", JobStatus.RUNNING, 1000, -1,
                Map.of(ExecutionState.RUNNING, 3, ExecutionState.DEPLOYING, 1));
        JobVertexID source = JobVertexID.generate();
        rest.dispatcher.vertices.put(id, List.of(new JobVertexDetails(source, "source", 4,
                Map.of(ExecutionState.RUNNING, 3, ExecutionState.DEPLOYING, 1), List.of())));

        RunningRestServer.Reply reply = rest.get("/jobs/" + id);

        assertEquals(200, reply.status());
        JsonNode job = reply.body();
        assertEquals(id.toString(), job.path("jid").asText());
        assertEquals("RUNNING", job.path("state").asText());
        assertEquals(-1, job.path("end-time").asLong());
        assertTrue(job.path("duration").asLong() >= job.path("now").asLong() - 1000 - 1);
        assertEquals(3, job.path("status-counts").path("RUNNING").asInt());
        assertEquals(1, job.path("status-counts").path("DEPLOYING").asInt());
        JsonNode vertex = job.path("vertices").path(0);
        assertEquals(source.toString(), vertex.path("id").asText());
        assertEquals("source", vertex.path("name").asText());
        assertEquals(4, vertex.path("parallelism").asInt());
        assertEquals(3, vertex.path("tasks").path("RUNNING").asInt());
    }

    @Test
    void backPressureOfAVertexShowsEachReportingSubtaskAndTheWorstLevel() throws Exception {
        JobID id = rest.dispatcher.addJob("slow sink", JobStatus.RUNNING, 1000, -1, Map.of(ExecutionState.RUNNING, 3));
        JobVertexID source = JobVertexID.generate();
        rest.dispatcher.vertices.put(id, List.of(new JobVertexDetails(source, "source", 3,
                Map.of(ExecutionState.RUNNING, 3), List.of(
                        subtask(0, new TaskLoad(ExecutionAttemptID.generate(), 5000, 0.05, 0.9, 0.05, 10, 900, 90)),
                        subtask(1, new TaskLoad(ExecutionAttemptID.generate(), 7000, 0.8, 0.0, 0.2, 4000, 0, 1000)),
                        subtask(2, null)))));

        JsonNode body = rest.get("/jobs/" + id + "/vertices/" + source + "/backpressure").body();

        assertEquals("ok", body.path("status").asText());
        assertEquals("high", body.path("backpressureLevel").asText());
        assertEquals(7000, body.path("end-timestamp").asLong());
        assertEquals(2, body.path("subtasks").size(), "subtask 2 has not reported yet");
        JsonNode first = body.path("subtasks").path(0);
        assertEquals(0, first.path("subtask").asInt());
        assertEquals("ok", first.path("backpressureLevel").asText());
        assertEquals(0.05, first.path("ratio").asDouble());
        assertEquals(0.9, first.path("idleRatio").asDouble());
        assertEquals(0.05, first.path("busyRatio").asDouble());
        assertEquals("high", body.path("subtasks").path(1).path("backpressureLevel").asText());
        JsonNode metrics = rest.get("/jobs/" + id).body().path("vertices").path(0).path("metrics");
        assertEquals(800, metrics.path("backPressuredTimeMsPerSecond").asLong());
        assertEquals(900, metrics.path("idleTimeMsPerSecond").asLong());
        assertEquals(200, metrics.path("busyTimeMsPerSecond").asLong());
        assertEquals(4000, metrics.path("accumulated-backpressured-time").asLong());
        assertEquals(900, metrics.path("accumulated-idle-time").asLong());
        assertEquals(1000, metrics.path("accumulated-busy-time").asLong());
    }

    @Test
    void backPressureBeforeAnyReportSaysSoAndAnUnknownVertexIsA404() throws Exception {
        JobID id = rest.dispatcher.addJob("starting", JobStatus.RUNNING, 1000, -1, Map.of(ExecutionState.RUNNING, 1));
        JobVertexID source = JobVertexID.generate();
        rest.dispatcher.vertices.put(id, List.of(new JobVertexDetails(source, "source", 1,
                Map.of(ExecutionState.RUNNING, 1), List.of(subtask(0, null)))));

        JsonNode body = rest.get("/jobs/" + id + "/vertices/" + source + "/backpressure").body();
        RunningRestServer.Reply unknown = rest.get("/jobs/" + id + "/vertices/" + JobVertexID.generate()
                + "/backpressure");
        RunningRestServer.Reply malformed = rest.get("/jobs/" + id + "/vertices/not-a-vertex/backpressure");

        assertEquals("deprecated", body.path("status").asText());
        assertTrue(body.path("subtasks").isMissingNode(), body.toString());
        assertEquals(404, unknown.status());
        assertEquals(400, malformed.status());
    }

    private static SubtaskDetails subtask(int index, TaskLoad load) {
        return new SubtaskDetails(index, ExecutionState.RUNNING, 0, "tm-1", load);
    }

    @Test
    void anUnknownJobIsA404AndAMalformedIdA400AndTheServerGoesOn() throws Exception {
        RunningRestServer.Reply unknown = rest.get("/jobs/" + JobID.generate());
        RunningRestServer.Reply malformed = rest.get("/jobs/not-a-job-id");
        RunningRestServer.Reply unknownExceptions = rest.get("/jobs/" + JobID.generate() + "/exceptions");

        assertEquals(404, unknown.status());
        assertTrue(unknown.firstError().contains("unknown"), unknown.firstError());
        assertEquals(400, malformed.status());
        assertTrue(malformed.firstError().contains("not-a-job-id"), malformed.firstError());
        assertEquals(404, unknownExceptions.status());
        assertEquals(200, rest.get("/jobs").status());
    }

    @Test
    void aDispatcherThatDoesNotAnswerMakesTheServiceUnavailable() throws Exception {
        rest.dispatcher.unreachable = true;

        RunningRestServer.Reply reply = rest.get("/jobs");

        assertEquals(503, reply.status());
        assertTrue(reply.firstError().contains("did not answer"), reply.firstError());
    }

    @Test
    void exceptionsListFailuresNewestFirstAndTheRootIsTheNewestThatStartedAFailover() throws Exception {
        JobID id = rest.dispatcher.addJob("join", JobStatus.FAILED, 1000, 9000, Map.of());
        rest.dispatcher.failures.put(id, List.of(new JobExceptionInfo(2000, "map (2/4)", "first failure", true),
                new JobExceptionInfo(8000, "job", "no slots after 5 min", true),
                new JobExceptionInfo(8500, "sink (1/4)", "input released while failing", false)));
        JobID healthy = rest.dispatcher.addJob("wordcount", JobStatus.RUNNING, 1000, -1, Map.of());

        JsonNode failed = rest.get("/jobs/" + id + "/exceptions").body();
        JsonNode none = rest.get("/jobs/" + healthy + "/exceptions").body();

        assertEquals("no slots after 5 min", failed.path("root-exception").asText());
        assertEquals(8000, failed.path("timestamp").asLong());
        List<String> tasks = new ArrayList<>();
        failed.path("exceptionHistory").path("entries").forEach(entry -> tasks.add(entry.path("task").asText()));
        assertEquals(List.of("sink (1/4)", "job", "map (2/4)"), tasks);
        assertTrue(none.path("root-exception").isNull());
        assertEquals(0, none.path("all-exceptions").size());
    }

    @Test
    void cancelIsAcceptedForARunningJob() throws Exception {
        JobID id = rest.dispatcher.addJob("wordcount", JobStatus.RUNNING, 1000, -1, Map.of());

        RunningRestServer.Reply reply = rest.send("PATCH", "/jobs/" + id + "?mode=cancel", "");

        assertEquals(202, reply.status());
        assertEquals(List.of(id), rest.dispatcher.cancelled);
    }

    @Test
    void cancelRefusesUnknownFinishedAndUnsupportedRequests() throws Exception {
        JobID finished = rest.dispatcher.addJob("wordcount", JobStatus.FINISHED, 1000, 2000, Map.of());
        JobID canceled = rest.dispatcher.addJob("join", JobStatus.CANCELED, 1000, 2000, Map.of());
        JobID running = rest.dispatcher.addJob("socket", JobStatus.RUNNING, 1000, -1, Map.of());

        assertEquals(404, rest.send("PATCH", "/jobs/" + JobID.generate() + "?mode=cancel", "").status());
        assertEquals(409, rest.send("PATCH", "/jobs/" + finished + "?mode=cancel", "").status());
        assertEquals(202, rest.send("PATCH", "/jobs/" + canceled + "?mode=cancel", "").status());
        RunningRestServer.Reply stop = rest.send("PATCH", "/jobs/" + running + "?mode=stop", "");
        assertEquals(400, stop.status());
        assertTrue(stop.firstError().contains("mode=cancel"), stop.firstError());
        assertEquals(List.of(), rest.dispatcher.cancelled);
    }
}
