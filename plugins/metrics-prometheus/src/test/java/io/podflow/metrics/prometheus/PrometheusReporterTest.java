package io.podflow.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.metrics.Counter;
import io.podflow.common.metrics.MetricGroup;
import io.podflow.common.metrics.MetricRegistry;
import io.podflow.common.metrics.PublishedGauge;
import io.podflow.common.plugin.metrics.MetricReporter;
import io.podflow.common.plugin.metrics.ReporterSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reporter serves the registry's values as they are at each scrape, in Prometheus' text format. */
class PrometheusReporterTest {

    private final MetricRegistry registry = new MetricRegistry();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheTaskManagersSlotsAndATasksRecordsWithFlinksNamesAndTheirVariablesAsLabels() throws Exception {
        MetricGroup taskManager = registry.group("taskmanager", Map.of("host", "127.0.0.1", "tm_id", "tm-\"1\""));
        taskManager.publishedGauge("taskSlotsTotal").set(4);
        PublishedGauge available = taskManager.publishedGauge("taskSlotsAvailable");
        available.set(4);
        Counter recordsIn = taskManager.addGroup("job", Map.of("job_id", "j1"))
                .addGroup("task", Map.of("task_name", "Map", "subtask_index", "0")).counter("numRecordsIn");
        int port = freePort();

        try (MetricReporter reporter = start(Map.of("port", Integer.toString(port)))) {
            available.set(1);
            recordsIn.inc();
            HttpResponse<String> scrape = get(port, "GET");

            assertEquals(200, scrape.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    scrape.headers().firstValue("Content-Type").orElseThrow());
            List<String> lines = scrape.body().lines().toList();
            assertTrue(lines.containsAll(List.of(
                    "# TYPE flink_taskmanager_taskSlotsTotal gauge",
                    "flink_taskmanager_taskSlotsTotal{host=\"127.0.0.1\",tm_id=\"tm-\\\"1\\\"\"} 4.0",
                    "flink_taskmanager_taskSlotsAvailable{host=\"127.0.0.1\",tm_id=\"tm-\\\"1\\\"\"} 1.0",
                    "# TYPE flink_taskmanager_job_task_numRecordsIn counter",
                    "flink_taskmanager_job_task_numRecordsIn{host=\"127.0.0.1\",job_id=\"j1\",subtask_index=\"0\","
                            + "task_name=\"Map\",tm_id=\"tm-\\\"1\\\"\"} 1.0")), scrape.body());
        }
    }

    @Test
    void anythingButGetIsRefused() throws Exception {
        int port = freePort();
        try (MetricReporter reporter = start(Map.of("port", Integer.toString(port)))) {
            assertEquals(405, get(port, "POST").statusCode());
        }
    }

    @Test
    void aRangeGivesTheFirstFreePortAndAFullRangeSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            String range = port + "-" + (port + 1);
            try (MetricReporter reporter = start(Map.of("port", range))) {
                assertEquals(200, get(port + 1, "GET").statusCode());
            }
            IllegalStateException full = assertThrows(IllegalStateException.class,
                    () -> start(Map.of("port", Integer.toString(port))));
            assertEquals("Cannot serve Prometheus metrics on 127.0.0.1: every port of " + port + " is in use; give "
                    + "metrics.reporter.<name>.port a free port or a range", full.getMessage());
        }
    }

    @Test
    void aPortThatIsNoNumberIsRefusedWithTheValue() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> start(Map.of("port", "92a9")));
        assertEquals("'92a9' is not a port or a port range such as 9250-9260", refused.getMessage());
    }

    private MetricReporter start(Map<String, String> options) {
        return new PrometheusReporterFactory().createMetricReporter(new ReporterSetup("prom", options, "127.0.0.1",
                registry));
    }

    private HttpResponse<String> get(int port, String method) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
