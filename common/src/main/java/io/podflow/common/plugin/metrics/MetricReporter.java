package io.podflow.common.plugin.metrics;

/** A running reporter; it reads the process's metrics on its own threads until closed. */
public interface MetricReporter extends AutoCloseable {

    /** Stops reporting and frees what the reporter holds, such as a server port. */
    @Override
    void close();
}
