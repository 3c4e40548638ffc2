package io.podflow.kubernetes.resourcemanager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Says, in one line for people, why TaskManagers the demand needs are not there: pod creation is refused, or pods
 * wait for a node (with the scheduler's own words), or pods are starting. A job that waited too long for slots
 * shows this line in its failure.
 */
public final class MissingWorkers {

    private MissingWorkers() {
    }

    /**
     * @param refusal why the API server refuses to create pods, while it does
     * @param schedulingProblems what the scheduler says of unplaced pods, by pod name
     * @return empty when every known pod has registered and creation is not refused
     */
    public static Optional<String> explain(Optional<String> refusal, List<WorkerPod> pods,
            Map<String, String> schedulingProblems) {
        if (refusal.isPresent()) {
            return Optional.of("Kubernetes refuses to create TaskManager pods: " + refusal.get());
        }
        List<WorkerPod> waiting = pods.stream().filter(pod -> !pod.deleting() && !pod.registered() && pod.isLive())
                .toList();
        Map<String, String> unplaced = new TreeMap<>();
        waiting.stream().filter(pod -> pod.phase() == WorkerPodPhase.PENDING)
                .filter(pod -> schedulingProblems.containsKey(pod.name()))
                .forEach(pod -> unplaced.put(pod.name(), schedulingProblems.get(pod.name())));
        if (!unplaced.isEmpty()) {
            // pods of one spec get the same answer; the first one's stands for all
            return Optional.of(unplaced.size() + " TaskManager pod(s) are Pending because the scheduler cannot place "
                    + "them (" + String.join(", ", unplaced.keySet()) + "): " + unplaced.values().iterator().next()
                    + " Free capacity on the nodes or ask for less (kubernetes.taskmanager.cpu, "
                    + "taskmanager.memory.process.size).");
        }
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(waiting.size() + " TaskManager pod(s) are starting and have not registered yet ("
                + waiting.stream().map(pod -> pod.name() + " " + pod.phase().name().toLowerCase())
                        .sorted().collect(Collectors.joining(", ")) + ").");
    }
}
