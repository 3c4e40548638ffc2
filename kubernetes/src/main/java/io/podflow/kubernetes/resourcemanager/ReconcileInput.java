package io.podflow.kubernetes.resourcemanager;

import java.time.Instant;
import java.util.List;

/**
 * The state one reconcile step looks at.
 *
 * @param workersWanted how many TaskManagers the declared slot demand needs in total
 * @param pods every TaskManager pod the driver knows, from the informer and its own requests
 * @param recentFailures when worker starts failed recently (older ones are dropped)
 * @param nextPodIndex the index the next created pod of this attempt gets
 */
public record ReconcileInput(int workersWanted, List<WorkerPod> pods, List<Instant> recentFailures, int nextPodIndex,
        Instant now) {

    public ReconcileInput {
        pods = List.copyOf(pods);
        recentFailures = List.copyOf(recentFailures);
    }
}
