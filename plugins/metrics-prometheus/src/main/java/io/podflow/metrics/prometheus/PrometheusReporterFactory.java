package io.podflow.metrics.prometheus;

import io.podflow.common.plugin.metrics.MetricReporter;
import io.podflow.common.plugin.metrics.MetricReporterFactory;
import io.podflow.common.plugin.metrics.ReporterSetup;
import java.util.Set;

/**
 * {@code metrics.reporter.<name>.factory.class: io.podflow.metrics.prometheus.PrometheusReporterFactory}, or the
 * name Flink's configurations use, {@code org.apache.flink.metrics.prometheus.PrometheusReporterFactory}.
 */
public final class PrometheusReporterFactory implements MetricReporterFactory {

    @Override
    public Set<String> aliases() {
        return Set.of("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    }

    @Override
    public MetricReporter createMetricReporter(ReporterSetup setup) {
        return PrometheusReporter.start(setup);
    }
}
