package io.podflow.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.podflow.client.rest.RestClientException;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.dist.job.CommittingFileSink;
import io.podflow.dist.job.FastPayloadSource;
import io.podflow.dist.job.PacedNumberSource;
import io.podflow.dist.job.RebalancedNumbersProgram;
import io.podflow.dist.job.SlowCountingSink;
import io.podflow.protocol.job.JobEdge;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A standalone session cluster as local processes, started with the distribution's bin scripts: one JobManager and
 * two TaskManagers of two slots each. Jobs are two vertices of parallelism 4 joined by a FORWARD edge, submitted
 * over REST with their jar, and write their output to files that are checked record by record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration JOB_END = Duration.ofSeconds(120);
    private static final int PARALLELISM = 4;

    @TempDir
    static Path temp;

    private static StandaloneClusterProcesses cluster;
    private static RestClusterClient rest;
    private static String jarId;

    @BeforeAll
    static void startCluster() throws Exception {
        Path distribution = Path.of(System.getProperty("podflow.dist.home", "target/podflow"));
        cluster = StandaloneClusterProcesses.install(distribution, temp.resolve("flink-home"));
        cluster.script("jobmanager.sh", "start");
        cluster.startTaskManager("tm-one", 2);
        cluster.startTaskManager("tm-two", 2);
        rest = cluster.restClient();
        await().atMost(STARTUP).ignoreExceptions().until(() -> freeSlots() == 4 && taskManagers() == 2);
        jarId = rest.uploadJar(jar("test-jobs.jar", null, PacedNumberSource.class, CommittingFileSink.class,
                FastPayloadSource.class, SlowCountingSink.class));
    }

    @AfterAll
    static void killLeftovers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static int freeSlots() {
        return rest.get("/overview").path("slots-available").asInt();
    }

    private static int taskManagers() {
        return rest.get("/overview").path("taskmanagers").asInt();
    }

    /** Classes of a job, packed into a jar as a user would build one; {@code mainClass} may be null. */
    private static Path jar(String name, Class<?> mainClass, Class<?>... types) throws IOException {
        Path classes = Path.of(PacedNumberSource.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        Path jar = temp.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().putValue("Main-Class", mainClass.getName());
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : types) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static JobID submit(String name, long count, long pauseMillis, Path output) {
        JobVertex source = new JobVertex(JobVertexID.generate(), "numbers", PacedNumberSource.class.getName(),
                PARALLELISM, Map.of(PacedNumberSource.COUNT, Long.toString(count),
                        PacedNumberSource.PAUSE_MILLIS, Long.toString(pauseMillis)));
        JobVertex sink = new JobVertex(JobVertexID.generate(), "files", CommittingFileSink.class.getName(),
                PARALLELISM, Map.of(CommittingFileSink.DIRECTORY, output.toString()));
        return submit(name, source, sink, Partitioning.FORWARD);
    }

    private static JobID submit(String name, JobVertex source, JobVertex sink, Partitioning partitioning) {
        JobGraph graph = new JobGraph(JobID.generate(), name, List.of(source, sink),
                List.of(new JobEdge(source.id(), sink.id(), partitioning)), List.of(), Map.of());
        return rest.submitJob(graph, List.of(jarId));
    }

    private static JobStatus awaitEnd(JobID job) {
        return await().atMost(JOB_END).ignoreExceptions().until(() -> rest.jobStatus(job),
                JobStatus::isGloballyTerminal);
    }

    private static List<Long> committedRecords(Path output) throws IOException {
        List<Long> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path part : files.filter(path -> path.getFileName().toString().startsWith("part-")).toList()) {
                Files.readAllLines(part).forEach(line -> records.add(Long.parseLong(line)));
            }
        }
        records.sort(null);
        return records;
    }

    private static List<Long> zeroTo(long count) {
        return LongStream.range(0, count).boxed().toList();
    }

    private static Set<Long> processesThatRanSinks(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("ran-on-"))
                    .map(name -> Long.parseLong(name.split("-")[2])).collect(Collectors.toSet());
        }
    }

    private static Set<Long> taskManagerPids() throws IOException {
        Set<Long> pids = new HashSet<>();
        for (int instance : cluster.liveInstances("taskmanager")) {
            pids.add(cluster.pidOf("taskmanager", instance));
        }
        return pids;
    }

    @Test
    @Order(10)
    void aTwoVertexJobOfParallelismFourRunsOnBothTaskManagersAndWritesEveryRecordOnce() throws Exception {
        Path output = temp.resolve("out-finish");

        JobID job = submit("numbers to files", 20_000, 0, output);

        assertEquals(JobStatus.FINISHED, awaitEnd(job), () -> rest.rootException(job));
        assertEquals(zeroTo(20_000), committedRecords(output));
        assertEquals(taskManagerPids(), processesThatRanSinks(output));
        await().atMost(JOB_END).until(() -> freeSlots() == 4);
    }

    @Test
    @Order(15)
    void aDataStreamProgramRunWithBinFlinkSendsItsRecordsAcrossTaskManagersAndFinishes() throws Exception {
        Path program = jar("rebalanced-numbers.jar", RebalancedNumbersProgram.class, RebalancedNumbersProgram.class,
                RebalancedNumbersProgram.Doubling.class);
        Path output = temp.resolve("out-cli");
        URI restUri = cluster.restUri();

        String printed = cluster.script("flink", "run", "-m", restUri.getHost() + ":" + restUri.getPort(), "-p",
                Integer.toString(PARALLELISM), program.toString(), output.toString(), "10000");

        assertTrue(printed.contains("has finished"), printed);
        List<Long> written = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                Files.readAllLines(file).forEach(line -> written.add(Long.parseLong(line)));
            }
        }
        written.sort(null);
        assertEquals(LongStream.range(0, 10_000).map(n -> 2 * n).boxed().toList(), written);
        await().atMost(JOB_END).until(() -> freeSlots() == 4);
    }

    @Test
    @Order(17)
    void aSlowSinkBackPressuresItsFastSourcesWhoseTaskManagersKeepABoundedHeap() throws Exception {
        long recordsPerSource = 60_000;
        int recordBytes = 1024;
        Path output = temp.resolve("out-slow-sink");
        JobVertex source = new JobVertex(JobVertexID.generate(), "fast source", FastPayloadSource.class.getName(),
                PARALLELISM, Map.of(FastPayloadSource.COUNT, Long.toString(recordsPerSource),
                        FastPayloadSource.BYTES, Integer.toString(recordBytes)));
        JobVertex sink = new JobVertex(JobVertexID.generate(), "slow sink", SlowCountingSink.class.getName(),
                PARALLELISM, Map.of(SlowCountingSink.DIRECTORY, output.toString(), SlowCountingSink.PAUSE_EVERY, "10"));

        // every source feeds every sink, so records cross both TaskManagers
        JobID job = submit("fast source, slow sink", source, sink, Partitioning.REBALANCE);

        String backPressure = "/jobs/" + job + "/vertices/" + source.id() + "/backpressure";
        JsonNode sourceBackPressure = await().atMost(JOB_END).ignoreExceptions().until(() -> rest.get(backPressure),
                answer -> answer.path("backpressureLevel").asText().equals("high"));
        JsonNode sourceMetrics = StreamSupport.stream(rest.get("/jobs/" + job).path("vertices").spliterator(), false)
                .filter(vertex -> vertex.path("id").asText().equals(source.id().toString())).findFirst().orElseThrow()
                .path("metrics");
        long largestHeap = 0;
        for (long pid : taskManagerPids()) {
            largestHeap = Math.max(largestHeap, ProcessHeap.liveBytes(pid));
        }
        assertEquals(JobStatus.FINISHED, awaitEnd(job), () -> rest.rootException(job));
        long unthrottled = PARALLELISM * recordsPerSource * recordBytes;
        assertTrue(largestHeap < unthrottled / 5, "a TaskManager held " + largestHeap + " bytes of live heap while "
                + unthrottled + " bytes were produced");
        assertTrue(sourceBackPressure.path("subtasks").size() > 0, sourceBackPressure.toString());
        assertTrue(sourceMetrics.path("backPressuredTimeMsPerSecond").asLong() > 0, sourceMetrics.toString());
        long read = 0;
        for (int subtask = 0; subtask < PARALLELISM; subtask++) {
            read += Long.parseLong(Files.readString(output.resolve("count-" + subtask)));
        }
        assertEquals(PARALLELISM * recordsPerSource, read);
        await().atMost(JOB_END).until(() -> freeSlots() == 4);
    }

    @Test
    @Order(20)
    void cancelOverRestEndsTheJobCanceledAndFreesEverySlot() throws Exception {
        JobID job = submit("runs until cancelled", 1_000_000, 50, temp.resolve("out-cancel"));
        await().atMost(JOB_END).ignoreExceptions().until(() -> rest.jobStatus(job) == JobStatus.RUNNING
                && freeSlots() == 0);

        rest.cancelJob(job);

        assertEquals(JobStatus.CANCELED, awaitEnd(job));
        await().atMost(JOB_END).until(() -> freeSlots() == 4);
    }

    @Test
    @Order(30)
    void malformedRequestsGetTheirClientErrorAndTheJobManagerKeepsServing() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        assertEquals(400, send(http, "POST", "jobs", "{\"jobGraph\": {not json", "application/json"));
        assertEquals(404, send(http, "GET", "jobs/" + JobID.generate(), null, null));
        assertEquals(404, send(http, "PATCH", "jobs/" + JobID.generate() + "?mode=cancel", null, null));
        Path notAJar = Files.writeString(temp.resolve("notes.jar"), "just some text, not a zip");
        RestClientException upload = assertThrows(RestClientException.class, () -> rest.uploadJar(notAJar));
        assertEquals(400, upload.statusCode(), upload.getMessage());
        assertEquals(401, sendWithoutToken(http, "overview"));

        assertEquals(2, taskManagers());
        assertEquals(4, freeSlots());
    }

    private static int send(HttpClient http, String method, String path, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(cluster.restUri().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + cluster.restToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int sendWithoutToken(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(cluster.restUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Order(40)
    void aTaskManagerWithTheWrongClusterSecretIsRefusedAndSaysWhy() throws Exception {
        int impostor = cluster.startTaskManager("tm-wrong-secret", 2, "-Dcluster.secret=not-the-cluster-secret");

        await().atMost(STARTUP).ignoreExceptions().until(() -> Files.readString(cluster.logOf("taskmanager",
                impostor)).lines().anyMatch(line -> line.contains("Cannot register with the ResourceManager")
                && line.contains("cluster.secret")));
        JsonNode taskManagers = rest.get("/taskmanagers").path("taskmanagers");
        assertFalse(taskManagers.toString().contains("tm-wrong-secret"), taskManagers.toString());
        assertEquals(2, taskManagers());

        cluster.script("taskmanager.sh", "stop");
        assertFalse(cluster.liveInstances("taskmanager").contains(impostor));
        assertEquals(2, cluster.liveInstances("taskmanager").size());
    }

    @Test
    @Order(50)
    void aJobSurvivesAKilledTaskManagerOnceAnotherOneRegisters() throws Exception {
        Path output = temp.resolve("out-restart");
        JobID job = submit("survives a lost TaskManager", 800, 40, output);
        await().atMost(JOB_END).ignoreExceptions().until(() -> rest.jobStatus(job) == JobStatus.RUNNING
                && freeSlots() == 0);
        int victim = cluster.liveInstances("taskmanager").get(0);
        ProcessHandle process = ProcessHandle.of(cluster.pidOf("taskmanager", victim)).orElseThrow();

        assertTrue(process.destroyForcibly(), "kill -9 of the TaskManager");
        await().atMost(JOB_END).until(() -> taskManagers() == 1);
        assertFalse(rest.jobStatus(job).isGloballyTerminal(), () -> "the job should wait for slots, but it is "
                + rest.jobStatus(job) + ": " + rest.rootException(job));
        cluster.startTaskManager("tm-replacement", 2);

        assertEquals(JobStatus.FINISHED, awaitEnd(job), () -> rest.rootException(job));
        assertEquals(zeroTo(800), committedRecords(output));
        await().atMost(JOB_END).until(() -> freeSlots() == 4 && taskManagers() == 2);
    }

    @Test
    @Order(60)
    void theStopScriptsLeaveNoProcess() throws Exception {
        while (!cluster.liveInstances("taskmanager").isEmpty()) {
            cluster.script("taskmanager.sh", "stop");
        }
        cluster.script("jobmanager.sh", "stop");

        assertEquals(List.of(), cluster.livePids());
        assertTrue(cluster.script("taskmanager.sh", "stop").contains("No taskmanager daemon to stop"));
    }
}
