package io.podflow.kubernetes.resourcemanager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one reconcile step decided.
 *
 * @param actions the changes to make, deletions before creations
 * @param recentFailures the failure window to hand to the next step
 * @param nextPodIndex the index to hand to the next step
 * @param refusedDemand the refused demand to hand to the next step; empty once the demand changed
 * @param nextCheck when to reconcile again even if nothing happens (a timeout or back-off ends)
 */
public record ReconcileResult(List<PodAction> actions, List<Instant> recentFailures, int nextPodIndex,
        OptionalInt refusedDemand, Optional<Instant> nextCheck) {

    public ReconcileResult {
        actions = List.copyOf(actions);
        recentFailures = List.copyOf(recentFailures);
    }
}
