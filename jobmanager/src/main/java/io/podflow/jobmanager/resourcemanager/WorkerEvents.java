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

    /**
     * Starting {@code count} worker(s) failed in a way people must fix (e.g. the service account may not create
     * pods); {@code reason} is one line saying what failed and how to fix it. Reported once for a failure that repeats
     * (a refused pod spec, a start retried every few seconds), not on every try; the ResourceManager fails the slot
     * requests of jobs still short of slots with it.
     */
    void workerRequestFailed(int count, String reason);
}
