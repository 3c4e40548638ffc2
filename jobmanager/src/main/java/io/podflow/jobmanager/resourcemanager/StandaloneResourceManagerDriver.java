package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.ResourceID;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of a standalone cluster: TaskManagers are started by the user and register on their own, so every
 * registration is accepted, and a shortfall of workers can only be logged for the user to act on (once per change
 * of the shortfall, not on every reconcile).
 */
public final class StandaloneResourceManagerDriver implements ResourceManagerDriver {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneResourceManagerDriver.class);

    private int reportedShortfall;
    private Optional<String> missingWorkers = Optional.empty();

    @Override
    public void start(WorkerEvents events) {
        LOG.info("Standalone cluster: TaskManagers are started by the user and register themselves");
    }

    @Override
    public void reconcile(WorkerDemand demand) {
        int shortfall = demand.shortfall();
        missingWorkers = shortfall == 0 ? Optional.empty() : Optional.of("Jobs need " + shortfall + " more "
                + "TaskManager(s) with " + demand.spec().slots() + " slot(s) each; this is a standalone cluster, so "
                + "start them yourself (bin/taskmanager.sh start)");
        if (shortfall > 0 && shortfall != reportedShortfall) {
            LOG.warn(missingWorkers.get());
        }
        reportedShortfall = shortfall;
    }

    @Override
    public void releaseWorker(ResourceID workerId, String reason) {
        LOG.info("TaskManager {} is no longer used ({}); a standalone TaskManager is stopped by the user", workerId,
                reason);
    }

    @Override
    public String refusalReasonFor(ResourceID workerId) {
        return null;
    }

    @Override
    public Optional<String> missingWorkersReason() {
        return missingWorkers;
    }

    @Override
    public void close() {
    }
}
