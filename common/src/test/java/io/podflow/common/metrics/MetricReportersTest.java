package io.podflow.common.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.Configuration;
import io.podflow.common.plugin.metrics.MetricReporter;
import io.podflow.common.plugin.metrics.MetricReporterFactory;
import io.podflow.common.plugin.metrics.MetricType;
import io.podflow.common.plugin.metrics.MetricValue;
import io.podflow.common.plugin.metrics.ReporterSetup;
import io.podflow.common.plugin.metrics.ScheduledMetricReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reporters start from the factories named in the configuration and read the registry's current values. */
class MetricReportersTest {

    /** Keeps what it was started with, as a plugin's reporter would. */
    static class RecordingFactory implements MetricReporterFactory {

        final List<ReporterSetup> setups = new ArrayList<>();
        final List<String> closed = new ArrayList<>();

        @Override
        public MetricReporter createMetricReporter(ReporterSetup setup) {
            setups.add(setup);
            return () -> closed.add(setup.name());
        }
    }

    static final class FailingFactory implements MetricReporterFactory {

        @Override
        public MetricReporter createMetricReporter(ReporterSetup setup) {
            throw new IllegalStateException("port 9249 is taken");
        }
    }

    /** Counts its reports; the first throws, as a reporter whose backend is away for a moment would. */
    static final class CountingScheduledFactory implements MetricReporterFactory {

        final AtomicInteger reports = new AtomicInteger();

        @Override
        public MetricReporter createMetricReporter(ReporterSetup setup) {
            return new ScheduledMetricReporter() {
                @Override
                public void report() {
                    if (reports.incrementAndGet() == 1) {
                        throw new IllegalStateException("backend away");
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private final MetricRegistry registry = new MetricRegistry();
    private final RecordingFactory recording = new RecordingFactory();

    @Test
    void aConfiguredReporterGetsItsOptionsTheBindHostAndTheProcessMetrics() {
        MetricGroup taskManager = registry.group("taskmanager", Map.of("tm_id", "tm-1"));
        taskManager.publishedGauge("taskSlotsTotal").set(4);
        Configuration config = new Configuration()
                .setString("metrics.reporter.rec.factory.class", RecordingFactory.class.getName())
                .setString("metrics.reporter.rec.port", "9250");

        try (MetricReporters reporters = MetricReporters.start(config, List.of(new FailingFactory(), recording),
                "127.0.3.4", registry)) {
            ReporterSetup setup = recording.setups.get(0);
            assertEquals("rec", setup.name());
            assertEquals("9250", setup.option("port", "9249"));
            assertEquals("127.0.3.4", setup.bindHost());
            assertEquals(List.of(new MetricValue(List.of("taskmanager"), "taskSlotsTotal", Map.of("tm_id", "tm-1"),
                    MetricType.GAUGE, 4)), setup.metrics().snapshot());
        }
        assertEquals(List.of("rec"), recording.closed);
    }

    @Test
    void metricsReportersLimitsWhichConfiguredReportersStart() {
        Configuration config = new Configuration()
                .setString("metrics.reporters", " two ,three")
                .setString("metrics.reporter.one.factory.class", RecordingFactory.class.getName())
                .setString("metrics.reporter.two.factory.class", RecordingFactory.class.getName());

        MetricReporters.start(config, List.of(recording), "0.0.0.0", registry).close();

        assertEquals(List.of("two"), recording.setups.stream().map(ReporterSetup::name).toList());
    }

    @Test
    void aReporterThatFailsOrWhoseFactoryNoPluginOffersIsLeftOutAndTheOthersStart() {
        Configuration config = new Configuration()
                .setString("metrics.reporter.broken.factory.class", FailingFactory.class.getName())
                .setString("metrics.reporter.missing.factory.class", "org.example.NotInstalledFactory")
                .setString("metrics.reporter.rec.factory.class", RecordingFactory.class.getName());

        MetricReporters.start(config, List.of(new FailingFactory(), recording), "0.0.0.0", registry).close();

        assertEquals(List.of("rec"), recording.setups.stream().map(ReporterSetup::name).toList());
    }

    @Test
    void aFactoryStartsUnderTheFlinkNameItStandsInFor() {
        RecordingFactory standIn = new RecordingFactory() {
            @Override
            public Set<String> aliases() {
                return Set.of("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            }
        };
        Configuration config = new Configuration()
                .setString("metrics.reporter.prom.factory.class",
                        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
                .setString("metrics.reporter.other.factory.class", "org.apache.flink.metrics.jmx.JMXReporterFactory");

        MetricReporters.start(config, List.of(recording, standIn), "0.0.0.0", registry).close();

        assertEquals(List.of("prom"), standIn.setups.stream().map(ReporterSetup::name).toList());
        assertEquals(List.of(), recording.setups);
    }

    @Test
    void aReporterThatSendsMetricsItselfIsCalledEveryIntervalEvenAfterAFailedReport() {
        CountingScheduledFactory counting = new CountingScheduledFactory();
        Configuration config = new Configuration()
                .setString("metrics.reporter.push.factory.class", CountingScheduledFactory.class.getName())
                .setString("metrics.reporter.push.interval", "20 ms");

        try (MetricReporters reporters = MetricReporters.start(config, List.of(counting), "0.0.0.0", registry)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> counting.reports.get() >= 3);
        }
    }

    @Test
    void theSlf4jReportersReportIsOneLinePerMetric() {
        MetricGroup taskManager = registry.group("taskmanager", Map.of("tm_id", "tm-1", "host", "10.0.0.7"));
        taskManager.publishedGauge("taskSlotsTotal").set(4);
        taskManager.counter("numRecordsIn");

        assertEquals("taskmanager.numRecordsIn{host=10.0.0.7,tm_id=tm-1}: 0.0\n"
                + "taskmanager.taskSlotsTotal{host=10.0.0.7,tm_id=tm-1}: 4.0", Slf4jReporterFactory.text(
                        registry.snapshot()));
    }

    @Test
    void aCounterCountsAndAClosedGroupsMetricsAreGone() {
        MetricGroup task = registry.group("taskmanager", Map.of("tm_id", "tm-1"))
                .addGroup("task", Map.of("task_name", "Map"));
        Counter recordsIn = task.counter("numRecordsIn");
        recordsIn.inc();
        recordsIn.inc();

        assertEquals(List.of(new MetricValue(List.of("taskmanager", "task"), "numRecordsIn",
                Map.of("tm_id", "tm-1", "task_name", "Map"), MetricType.COUNTER, 2)), registry.snapshot());
        task.close();
        assertTrue(registry.snapshot().isEmpty());
    }
}
