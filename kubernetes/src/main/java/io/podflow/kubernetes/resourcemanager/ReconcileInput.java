package io.podflow.kubernetes.resourcemanager;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * The state one reconcile step looks at.
 *
 * @param workersWanted how many TaskManagers the declared slot demand needs in total
 * @param pods every TaskManager pod the driver knows, from the informer and its own requests
 * @param recentFailures when worker starts failed recently (older ones are dropped)
 * @param nextPodIndex the index the next created pod of this attempt gets
 * @param refusedDemand the demand at which the API server refused a pod; while the demand stays at it, no pod is
 *        created
 */
public record ReconcileInput(int workersWanted, List<WorkerPod> pods, List<Instant> recentFailures, int nextPodIndex,
        OptionalInt refusedDemand, Instant now) {

    public ReconcileInput {
        pods = List.copyOf(pods);
        recentFailures = List.copyOf(recentFailures);
    }
}
