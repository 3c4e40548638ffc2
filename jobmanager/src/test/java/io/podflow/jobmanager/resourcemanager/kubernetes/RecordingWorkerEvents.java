package io.podflow.jobmanager.resourcemanager.kubernetes;

import io.podflow.jobmanager.resourcemanager.WorkerEvents;
import io.podflow.protocol.ResourceID;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event a driver reports, for tests to wait on. */
final class RecordingWorkerEvents implements WorkerEvents {

    final List<ResourceID> started = new CopyOnWriteArrayList<>();
    final List<String> terminated = new CopyOnWriteArrayList<>();
    final List<String> requestFailures = new CopyOnWriteArrayList<>();

    @Override
    public void workerStarted(ResourceID workerId) {
        started.add(workerId);
    }

    @Override
    public void workerTerminated(ResourceID workerId, String reason) {
        terminated.add(workerId.value() + ": " + reason);
    }

    @Override
    public void workerRequestFailed(int count, String reason) {
        requestFailures.add(reason);
    }
}
