package io.podflow.bench.nativesession;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An informer's handler that notes, per pod, when this client first saw it, saw it Running and saw it Ready, so a
 * round's time splits into pod creation, container start and what the process did until it was ready.
 */
final class PodMilestones implements ResourceEventHandler<Pod> {

    enum Milestone {
        SEEN(pod -> true),
        RUNNING(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())),
        READY(pod -> pod.getStatus() != null && pod.getStatus().getConditions().stream()
                .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus())));

        private final Predicate<Pod> reached;

        Milestone(Predicate<Pod> reached) {
            this.reached = reached;
        }
    }

    private final Map<String, Map<Milestone, Long>> firstSeen = new ConcurrentHashMap<>();

    @Override
    public void onAdd(Pod pod) {
        note(pod);
    }

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
        note(newPod);
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        // a deleted pod keeps the milestones it reached
    }

    private void note(Pod pod) {
        long now = System.nanoTime();
        Map<Milestone, Long> milestones = firstSeen.computeIfAbsent(pod.getMetadata().getName(),
                name -> new ConcurrentHashMap<>());
        for (Milestone milestone : Milestone.values()) {
            if (milestone.reached.test(pod)) {
                milestones.putIfAbsent(milestone, now);
            }
        }
    }

    /** When the last of {@code pods} pods reached {@code milestone}, or empty while fewer have. */
    OptionalLong allReached(Milestone milestone, int pods) {
        long[] times = firstSeen.values().stream().filter(milestones -> milestones.containsKey(milestone))
                .mapToLong(milestones -> milestones.get(milestone)).toArray();
        return times.length < pods ? OptionalLong.empty() : Arrays.stream(times).max();
    }
}
