package io.podflow.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * A JobManager and two TaskManagers of two slots each from the assembled distribution, to which tests submit the
 * shipped example jars with {@code bin/flink run -d -p 4}.
 */
final class ExampleJobCluster implements AutoCloseable {

    static final Duration STARTUP = Duration.ofSeconds(90);
    static final Duration JOB_END = Duration.ofMinutes(4);
    static final int SLOTS = 4;
    private static final Pattern SUBMITTED = Pattern.compile("JobID ([0-9a-f]{32})");

    private final StandaloneClusterProcesses processes;
    private final RestClusterClient rest;

    private ExampleJobCluster(StandaloneClusterProcesses processes) {
        this.processes = processes;
        this.rest = processes.restClient();
    }

    static ExampleJobCluster start(Path home) throws Exception {
        Path distribution = Path.of(System.getProperty("podflow.dist.home", "target/podflow"));
        ExampleJobCluster cluster = new ExampleJobCluster(StandaloneClusterProcesses.install(distribution, home));
        cluster.processes.script("jobmanager.sh", "start");
        cluster.processes.startTaskManager("tm-one", 2);
        cluster.processes.startTaskManager("tm-two", 2);
        await().atMost(STARTUP).ignoreExceptions().until(() -> cluster.freeSlots() == SLOTS
                && cluster.rest.get("/overview").path("taskmanagers").asInt() == 2);
        return cluster;
    }

    Path home() {
        return processes.home();
    }

    RestClusterClient rest() {
        return rest;
    }

    /** Submits {@code examples/streaming/<jarName>} detached with parallelism 4; returns the job's id. */
    JobID submit(String jarName, String... programArguments) throws IOException, InterruptedException {
        URI restUri = processes.restUri();
        List<String> args = new ArrayList<>(List.of("run", "-d", "-p", Integer.toString(SLOTS), "-m",
                restUri.getHost() + ":" + restUri.getPort(),
                home().resolve("examples/streaming").resolve(jarName).toString()));
        args.addAll(List.of(programArguments));
        String printed = processes.script("flink", args.toArray(String[]::new));
        Matcher submitted = SUBMITTED.matcher(printed);
        if (!submitted.find()) {
            throw new IllegalStateException("bin/flink run printed no job id: " + printed);
        }
        return JobID.fromHexString(submitted.group(1));
    }

    JobStatus awaitEnd(JobID job) {
        await().atMost(JOB_END).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> rest.jobStatus(job).isGloballyTerminal());
        return rest.jobStatus(job);
    }

    /** Kills one TaskManager process the way a crash would ({@code kill -9}). */
    void killTaskManager() throws IOException {
        long pid = processes.pidOf("taskmanager", processes.liveInstances("taskmanager").get(0));
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** Starts one more TaskManager of two slots. */
    void startTaskManager(String resourceId) throws Exception {
        processes.startTaskManager(resourceId, 2);
    }

    /** Whether every subtask of every vertex of the job is RUNNING. */
    boolean allTasksRunning(JobID job) {
        JsonNode vertices = rest.get("/jobs/" + job).path("vertices");
        for (JsonNode vertex : vertices) {
            if (vertex.path("tasks").path("RUNNING").asInt() != vertex.path("parallelism").asInt()) {
                return false;
            }
        }
        return !vertices.isEmpty();
    }

    void awaitAllSlotsFree() {
        await().atMost(JOB_END).ignoreExceptions().until(() -> freeSlots() == SLOTS);
    }

    private int freeSlots() {
        return rest.get("/overview").path("slots-available").asInt();
    }

    @Override
    public void close() {
        processes.close();
    }
}
