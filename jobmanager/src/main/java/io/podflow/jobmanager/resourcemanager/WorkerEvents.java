package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.ResourceID;

/**
 * What a {@link ResourceManagerDriver} reports about workers. Callable from any thread; the ResourceManager
 * handles each on its main thread.
 */
public interface WorkerEvents {

    /** A worker the driver asked for now exists (e.g. its pod was created); its TaskManager will register. */
    void workerStarted(ResourceID workerId);

    /** A worker is gone for good (e.g. its pod terminated); its slots are lost. {@code reason} is for people. */
    void workerTerminated(ResourceID workerId, String reason);
}
