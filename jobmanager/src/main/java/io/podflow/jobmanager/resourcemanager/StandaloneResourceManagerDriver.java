package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.ResourceID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of a standalone cluster: TaskManagers are started by the user and register on their own, so every
 * registration is accepted, and a request for more workers can only be logged for the user to act on.
 */
public final class StandaloneResourceManagerDriver implements ResourceManagerDriver {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneResourceManagerDriver.class);

    @Override
    public void start(WorkerEvents events) {
        LOG.info("Standalone cluster: TaskManagers are started by the user and register themselves");
    }

    @Override
    public void requestWorkers(int count, WorkerSpec spec) {
        LOG.warn("Jobs need {} more TaskManager(s) with {} slot(s) each; this is a standalone cluster, so start them "
                + "yourself (bin/taskmanager.sh start)", count, spec.slots());
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
    public void close() {
    }
}
