package io.podflow.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.client.rest.RestClusterClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A built-in plugin enabled the way seed 000 shows it, {@code ENABLE_BUILT_IN_PLUGINS=<jar>} in the environment of
 * the image's entrypoint: the shipped Prometheus reporter serves the TaskManager's metrics at :9249/metrics, while
 * processes without it, configured the same, serve nothing there; a jar that is not shipped stops the entrypoint.
 */
class BuiltInPluginIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final String PROMETHEUS_JAR = "podflow-metrics-prometheus-"
            + System.getProperty("podflow.version", "0.1.0-SNAPSHOT") + ".jar";
    private static final String HOST = "127.0.0.1";
    private static final int PROMETHEUS_PORT = 9249;

    @TempDir
    Path temp;

    private StandaloneClusterProcesses cluster;
    private RestClusterClient rest;
    private final List<Process> pods = new ArrayList<>();

    @BeforeEach
    void installWithAPrometheusReporterConfigured() throws Exception {
        assertFalse(listening(PROMETHEUS_PORT), "Something on this machine already listens on " + HOST + ":"
                + PROMETHEUS_PORT + "; this test needs the port");
        Path distribution = Path.of(System.getProperty("podflow.dist.home", "target/podflow"));
        cluster = StandaloneClusterProcesses.install(distribution, temp.resolve("flink-home"));
        Files.write(cluster.home().resolve("conf/flink-conf.yaml"), List.of(
                "metrics.reporter.prom.factory.class: io.podflow.metrics.prometheus.PrometheusReporterFactory"),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process pod : pods) {
            pod.destroyForcibly();
            pod.waitFor(30, TimeUnit.SECONDS);
        }
        cluster.close();
    }

    @Test
    void theEnabledPrometheusReporterServesTheTaskManagersSlotsAndWithoutItNothingListens() throws Exception {
        cluster.script("jobmanager.sh", "start");
        rest = cluster.restClient();
        cluster.startTaskManager("tm-without-plugin", 2);
        await().atMost(STARTUP).ignoreExceptions().until(() -> overview("taskmanagers") == 1);
        assertFalse(listening(PROMETHEUS_PORT), "a JobManager and TaskManager without the plugin serve no metrics");
        assertTrue(Files.readString(cluster.logOf("taskmanager", 0)).contains("Metric reporter 'prom' is not started: "
                + "no plugin offers io.podflow.metrics.prometheus.PrometheusReporterFactory"));

        Process pod = entrypoint(Map.of("ENABLE_BUILT_IN_PLUGINS", PROMETHEUS_JAR), "taskmanager",
                "-Dtaskmanager.numberOfTaskSlots=3", "-Dtaskmanager.resource-id=tm-with-plugin",
                "-Dtaskmanager.rpc.port=" + StandaloneClusterProcesses.freePort());
        pods.add(pod);

        String metrics = await().atMost(STARTUP).ignoreExceptions().until(this::scrape,
                body -> body.contains("flink_taskmanager_taskSlotsTotal"));
        assertTrue(metrics.lines().toList().containsAll(List.of(
                "# TYPE flink_taskmanager_taskSlotsTotal gauge",
                "flink_taskmanager_taskSlotsTotal{host=\"127.0.0.1\",tm_id=\"tm-with-plugin\"} 3.0")), metrics);
        assertTrue(metrics.contains("flink_taskmanager_Status_JVM_Memory_Heap_Used{host=\"127.0.0.1\","
                + "tm_id=\"tm-with-plugin\"}"), metrics);
        await().atMost(STARTUP).ignoreExceptions().until(() -> overview("taskmanagers") == 2
                && overview("slots-total") == 5);
        Path enabled = cluster.home().resolve("plugins").resolve(PROMETHEUS_JAR.replace(".jar", ""))
                .resolve(PROMETHEUS_JAR);
        assertTrue(Files.isRegularFile(enabled), "the entrypoint moves the jar to " + enabled.getParent());
        assertFalse(Files.exists(cluster.home().resolve("opt").resolve(PROMETHEUS_JAR)));
    }

    @Test
    void aJarThatIsNotShippedStopsTheEntrypointWithOneLineNamingTheShippedOnes() throws Exception {
        Process pod = entrypoint(Map.of("ENABLE_BUILT_IN_PLUGINS", "podflow-metrics-graphite.jar"), "taskmanager",
                "-Dtaskmanager.resource-id=tm-refused");
        pods.add(pod);

        assertTrue(pod.waitFor(60, TimeUnit.SECONDS), "the entrypoint did not stop");
        assertNotEquals(0, pod.exitValue());
        assertEquals(List.of("ENABLE_BUILT_IN_PLUGINS: 'podflow-metrics-graphite.jar' is not shipped in "
                + cluster.home().resolve("opt") + " (shipped: " + PROMETHEUS_JAR + ")"),
                Files.readAllLines(temp.resolve("entrypoint.err")));
        assertEquals("", Files.readString(temp.resolve("entrypoint.out")), "no process was started");
    }

    /** Runs the distribution's docker-entrypoint.sh as a pod's container would, with {@code env} added. */
    private Process entrypoint(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(cluster.home().resolve("docker-entrypoint.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cluster.home().toFile())
                .redirectOutput(temp.resolve("entrypoint.out").toFile())
                .redirectError(temp.resolve("entrypoint.err").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("FLINK_") || key.startsWith("PODFLOW_")
                || key.equals("POD_IP") || key.equals("ENABLE_BUILT_IN_PLUGINS"));
        builder.environment().put("FLINK_PID_DIR", cluster.home().toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + HOST + ":" + PROMETHEUS_PORT + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private int overview(String field) {
        return rest.get("/overview").path(field).asInt();
    }

    private static boolean listening(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
