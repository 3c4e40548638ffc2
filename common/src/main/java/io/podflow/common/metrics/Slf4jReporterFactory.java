package io.podflow.common.metrics;

import io.podflow.common.plugin.metrics.MetricReporter;
import io.podflow.common.plugin.metrics.MetricReporterFactory;
import io.podflow.common.plugin.metrics.MetricSource;
import io.podflow.common.plugin.metrics.MetricValue;
import io.podflow.common.plugin.metrics.ReporterSetup;
import io.podflow.common.plugin.metrics.ScheduledMetricReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code metrics.reporter.<name>.factory.class: io.podflow.common.metrics.Slf4jReporterFactory}: writes every metric to
 * the process's log each interval, one line per metric. In lib/, so it needs no plugin. Flink's name for its own,
 * {@code org.apache.flink.metrics.slf4j.Slf4jReporterFactory}, starts it too.
 */
public final class Slf4jReporterFactory implements MetricReporterFactory {

    private static final Logger LOG = LoggerFactory.getLogger(Slf4jReporterFactory.class);

    @Override
    public Set<String> aliases() {
        return Set.of("org.apache.flink.metrics.slf4j.Slf4jReporterFactory");
    }

    @Override
    public MetricReporter createMetricReporter(ReporterSetup setup) {
        return new Slf4jReporter(setup.metrics());
    }

    /** The report: {@code scope.name{variables}: value}, one metric a line. */
    static String text(List<MetricValue> metrics) {
        return metrics.stream().map(metric -> String.join(".", metric.scope()) + "." + metric.name()
                + metric.variables().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(variable -> variable.getKey() + "=" + variable.getValue())
                        .collect(Collectors.joining(",", "{", "}"))
                + ": " + metric.value()).collect(Collectors.joining("\n"));
    }

    private record Slf4jReporter(MetricSource metrics) implements ScheduledMetricReporter {

        @Override
        public void report() {
            LOG.info("Metrics:\n{}", text(metrics.snapshot()));
        }

        @Override
        public void close() {
            // holds nothing; the reporting thread belongs to the process
        }
    }
}
