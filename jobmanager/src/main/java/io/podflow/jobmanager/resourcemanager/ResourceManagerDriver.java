package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.ResourceID;
import java.util.Optional;

/**
 * The boundary between the ResourceManager and whatever provides workers (Kubernetes pods, or TaskManagers a user
 * starts). The ResourceManager calls it on its main thread, so no method may block: slow work runs elsewhere and
 * comes back through {@link WorkerEvents}.
 */
public interface ResourceManagerDriver {

    /** Called once before any other method; {@code events} is how the driver reports workers from now on. */
    void start(WorkerEvents events);

    /**
     * Called after every change and on every heartbeat tick with the whole picture, level-triggered: the driver
     * compares it with the workers it has started or is starting and acts on the difference (start more, stop idle
     * ones). The same demand twice must not start workers twice.
     */
    void reconcile(WorkerDemand demand);

    /** The ResourceManager gave up on this worker (e.g. heartbeat timeout); the driver stops it if it can. */
    void releaseWorker(ResourceID workerId, String reason);

    /**
     * Why a TaskManager registering with this id is refused, e.g. it is not a pod this driver created; null means
     * accepted.
     */
    String refusalReasonFor(ResourceID workerId);

    /**
     * Why workers the demand needs are not there, for people (e.g. their pods wait for a node the scheduler cannot
     * find); empty when nothing is known to hold them up. Called on the ResourceManager's main thread.
     */
    Optional<String> missingWorkersReason();

    /** Stops the driver; it must not report events afterwards. */
    void close();
}
