package io.podflow.metrics.prometheus;

import io.podflow.common.plugin.metrics.MetricReporter;
import io.podflow.common.plugin.metrics.MetricReporterFactory;
import io.podflow.common.plugin.metrics.ReporterSetup;

/** {@code metrics.reporter.<name>.factory.class: io.podflow.metrics.prometheus.PrometheusReporterFactory}. */
public final class PrometheusReporterFactory implements MetricReporterFactory {

    @Override
    public MetricReporter createMetricReporter(ReporterSetup setup) {
        return PrometheusReporter.start(setup);
    }
}
