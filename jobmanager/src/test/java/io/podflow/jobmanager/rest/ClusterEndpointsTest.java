package io.podflow.jobmanager.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podflow.common.config.Configuration;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.job.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterEndpointsTest {

    @TempDir
    Path temp;

    private RunningRestServer rest;

    @BeforeEach
    void start() {
        Configuration config = new Configuration();
        config.setString("cluster.secret", "s3cr3t-value");
        config.setString("taskmanager.numberOfTaskSlots", "2");
        rest = new RunningRestServer(config, temp);
        rest.resourceManager.taskManagers.add(new TaskManagerInfo(new ResourceID("tm-1"), "10.0.0.1:6122", 6121,
                2, 1, 1_700_000_000_000L));
        rest.resourceManager.taskManagers.add(new TaskManagerInfo(new ResourceID("tm-2"), "10.0.0.2:6122", 6121,
                2, 2, 1_700_000_000_500L));
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void overviewCountsTaskManagersSlotsAndJobsByState() throws Exception {
        rest.dispatcher.addJob("a", JobStatus.RUNNING, 1, -1, Map.of());
        rest.dispatcher.addJob("b", JobStatus.RESTARTING, 1, -1, Map.of());
        rest.dispatcher.addJob("c", JobStatus.FINISHED, 1, 2, Map.of());
        rest.dispatcher.addJob("d", JobStatus.CANCELED, 1, 2, Map.of());
        rest.dispatcher.addJob("e", JobStatus.FAILED, 1, 2, Map.of());
        rest.dispatcher.addJob("f", JobStatus.FAILED, 1, 2, Map.of());

        JsonNode overview = rest.get("/overview").body();

        assertEquals(2, overview.path("taskmanagers").asInt());
        assertEquals(4, overview.path("slots-total").asInt());
        assertEquals(3, overview.path("slots-available").asInt());
        assertEquals(2, overview.path("jobs-running").asInt());
        assertEquals(1, overview.path("jobs-finished").asInt());
        assertEquals(1, overview.path("jobs-cancelled").asInt());
        assertEquals(2, overview.path("jobs-failed").asInt());
        assertFalse(overview.path("flink-version").asText().isEmpty());
    }

    @Test
    void dashboardConfigNamesVersionAndFeatures() throws Exception {
        JsonNode config = rest.get("/config").body();

        assertTrue(config.path("refresh-interval").asLong() > 0);
        assertFalse(config.path("timezone-name").asText().isEmpty());
        assertTrue(config.path("features").path("web-submit").asBoolean());
        assertTrue(config.path("features").path("web-cancel").asBoolean());
    }

    @Test
    void listsTaskManagersAndLooksOneUp() throws Exception {
        JsonNode all = rest.get("/taskmanagers").body().path("taskmanagers");
        RunningRestServer.Reply one = rest.get("/taskmanagers/tm-2");
        RunningRestServer.Reply unknown = rest.get("/taskmanagers/tm-9");

        assertEquals(2, all.size());
        assertEquals("tm-1", all.path(0).path("id").asText());
        assertEquals("10.0.0.1:6122", all.path(0).path("path").asText());
        assertEquals(6121, all.path(0).path("dataPort").asInt());
        assertEquals(2, all.path(0).path("slotsNumber").asInt());
        assertEquals(1, all.path(0).path("freeSlots").asInt());
        assertEquals(200, one.status());
        assertEquals(2, one.body().path("freeSlots").asInt());
        assertEquals(1_700_000_000_500L, one.body().path("timeSinceLastHeartbeat").asLong());
        assertEquals(404, unknown.status());
        assertTrue(unknown.firstError().contains("tm-9"), unknown.firstError());
    }

    @Test
    void jobManagerConfigMasksSecretsAndTokens() throws Exception {
        Map<String, String> entries = new HashMap<>();
        rest.get("/jobmanager/config").body().forEach(entry -> entries.put(entry.path("key").asText(),
                entry.path("value").asText()));

        assertEquals("2", entries.get("taskmanager.numberOfTaskSlots"));
        assertEquals("******", entries.get("cluster.secret"));
        assertEquals("******", entries.get("rest.authentication.token"));
    }

    @Test
    void garbageOnTheWireIsRefusedAndTheServerGoesOn() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", rest.server.port())) {
            socket.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertTrue(statusLine.matches("HTTP/1\\.1 4\\d\\d .*"), statusLine);
        }
        assertEquals(200, rest.get("/overview").status());
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        RunningRestServer.Reply unknown = rest.get("/no/such/endpoint");
        RunningRestServer.Reply wrongMethod = rest.send("DELETE", "/overview", "");

        assertEquals(404, unknown.status());
        assertTrue(unknown.firstError().contains("/no/such/endpoint"), unknown.firstError());
        assertEquals(405, wrongMethod.status());
        assertEquals(200, rest.get("/overview").status());
    }
}
