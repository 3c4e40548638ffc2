package io.podflow.common.plugin.metrics;

import java.util.Map;

/**
 * What a reporter is started with: its name ({@code prom} in {@code metrics.reporter.prom.port}), its options with
 * the {@code metrics.reporter.<name>.} prefix taken off, the address the process's servers bind to, and the
 * process's metrics.
 */
public record ReporterSetup(String name, Map<String, String> options, String bindHost, MetricSource metrics) {

    public ReporterSetup {
        options = Map.copyOf(options);
    }

    /** The option {@code metrics.reporter.<name>.<key>}, or {@code fallback} when it is not set. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
