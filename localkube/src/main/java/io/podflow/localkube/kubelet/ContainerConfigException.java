package io.podflow.localkube.kubelet;

/**
 * A container cannot be started because something it references is missing or malformed
 * (Kubernetes reports this as {@code CreateContainerConfigError}); retried on later syncs.
 */
public final class ContainerConfigException extends RuntimeException {

    public ContainerConfigException(String message) {
        super(message);
    }
}
