package io.podflow.common.plugin.metrics;

/** What a metric's value means: a count that only grows while the process lives, or a current reading. */
public enum MetricType {
    COUNTER,
    GAUGE
}
