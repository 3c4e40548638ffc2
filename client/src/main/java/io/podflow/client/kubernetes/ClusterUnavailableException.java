package io.podflow.client.kubernetes;

/** A cluster on Kubernetes cannot take REST calls: it does not exist, or no JobManager is ready yet. */
public final class ClusterUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ClusterUnavailableException(String message) {
        super(message);
    }
}
