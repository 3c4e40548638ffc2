package io.podflow.client.rest;

/**
 * A REST client for one cluster and whatever keeps it reachable (a Kubernetes client, a port-forward), released
 * together when the command is done.
 *
 * @param client talks to the cluster's JobManager
 * @param release frees what keeps {@code client} reachable; runs once, on {@link #close()}
 */
public record ClusterConnection(RestClusterClient client, Runnable release) implements AutoCloseable {

    /** A cluster reachable at a fixed address, with nothing to release. */
    public static ClusterConnection direct(RestClusterClient client) {
        return new ClusterConnection(client, () -> { });
    }

    @Override
    public void close() {
        release.run();
    }
}
