package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.ResourceID;

/**
 * The boundary between the ResourceManager and whatever provides workers (Kubernetes pods, or TaskManagers a user
 * starts). The ResourceManager calls it on its main thread, so no method may block: slow work runs elsewhere and
 * comes back through {@link WorkerEvents}.
 */
public interface ResourceManagerDriver {

    /** Called once before any other method; {@code events} is how the driver reports workers from now on. */
    void start(WorkerEvents events);

    /** Asks for {@code count} more workers like {@code spec}. */
    void requestWorkers(int count, WorkerSpec spec);

    /** The ResourceManager gave up on this worker (e.g. heartbeat timeout); the driver stops it if it can. */
    void releaseWorker(ResourceID workerId, String reason);

    /**
     * Whether a TaskManager registering with this id is one this driver accepts, e.g. a pod it created. A
     * TaskManager that is refused gets the returned reason; null means accepted.
     */
    String refusalReasonFor(ResourceID workerId);

    /** Stops the driver; it must not report events afterwards. */
    void close();
}
