package io.podflow.common.plugin.metrics;

/**
 * A reporter that sends the metrics itself every {@code metrics.reporter.<name>.interval} (default 10 s) instead of
 * waiting to be asked.
 */
public interface ScheduledMetricReporter extends MetricReporter {

    /** Reports the metrics as they are now; called on the process's reporting thread, one call at a time. */
    void report();
}
