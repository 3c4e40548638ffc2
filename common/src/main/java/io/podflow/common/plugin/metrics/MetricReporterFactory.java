package io.podflow.common.plugin.metrics;

import java.util.Set;

/**
 * Starts the reporter a user names with {@code metrics.reporter.<name>.factory.class}. Implementations are found with
 * {@link java.util.ServiceLoader} in plugins (and on podflow's classpath), so a plugin's jar lists its factory in
 * {@code META-INF/services/io.podflow.common.plugin.metrics.MetricReporterFactory}.
 */
public interface MetricReporterFactory {

    /**
     * Other names {@code factory.class} may give this factory: the class name of the Flink factory it stands in
     * for, so a configuration written for Flink starts it unchanged.
     */
    default Set<String> aliases() {
        return Set.of();
    }

    /** Starts a reporter; an exception says in one line why it cannot run (the process goes on without it). */
    MetricReporter createMetricReporter(ReporterSetup setup);
}
