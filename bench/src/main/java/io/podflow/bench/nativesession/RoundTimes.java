package io.podflow.bench.nativesession;

import io.podflow.bench.nativesession.PodMilestones.Milestone;

/**
 * One round's milliseconds from its start: until all its pods were seen, Running and (for the floor) Ready, and
 * until it was done (floor: all Ready; native: all tasks RUNNING).
 */
record RoundTimes(double allSeen, double allRunning, double done) {

    /** A floor round: done when the last pod was Ready. */
    RoundTimes(long start, PodMilestones milestones, int pods) {
        this(since(start, milestones, Milestone.SEEN, pods), since(start, milestones, Milestone.RUNNING, pods),
                since(start, milestones, Milestone.READY, pods));
    }

    static double since(long start, PodMilestones milestones, Milestone milestone, int pods) {
        return milestones.allReached(milestone, pods).stream().mapToDouble(at -> (at - start) / 1e6).findFirst()
                .orElse(Double.NaN);
    }
}
