package io.podflow.common.plugin.metrics;

import java.util.List;

/** The metrics of one podflow process; safe to ask from any thread, and never waits for an endpoint. */
public interface MetricSource {

    /** Every metric the process has now, with its current value. */
    List<MetricValue> snapshot();
}
