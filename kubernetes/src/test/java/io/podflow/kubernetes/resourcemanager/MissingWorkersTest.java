package io.podflow.kubernetes.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissingWorkersTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final String NO_CPU = "Unschedulable: 0/1 nodes are available: 1 Insufficient cpu.";

    @Test
    void aRefusalIsTheReasonWhateverThePods() {
        assertEquals(Optional.of("Kubernetes refuses to create TaskManager pods: not allowed"),
                MissingWorkers.explain(Optional.of("not allowed"), List.of(pod("s1-taskmanager-1-1",
                        WorkerPodPhase.PENDING, false)), Map.of()));
    }

    @Test
    void unplacedPodsAreNamedWithTheSchedulersWords() {
        List<WorkerPod> pods = List.of(pod("s1-taskmanager-1-2", WorkerPodPhase.PENDING, false),
                pod("s1-taskmanager-1-1", WorkerPodPhase.PENDING, false));

        assertEquals(Optional.of("2 TaskManager pod(s) are Pending because the scheduler cannot place them "
                + "(s1-taskmanager-1-1, s1-taskmanager-1-2): " + NO_CPU + " Free capacity on the nodes or ask for "
                + "less (kubernetes.taskmanager.cpu, taskmanager.memory.process.size)."),
                MissingWorkers.explain(Optional.empty(), pods, Map.of("s1-taskmanager-1-1", NO_CPU,
                        "s1-taskmanager-1-2", NO_CPU)));
    }

    @Test
    void podsThatAreStartingAreCounted() {
        List<WorkerPod> pods = List.of(pod("s1-taskmanager-1-1", WorkerPodPhase.RUNNING, false),
                pod("s1-taskmanager-1-2", WorkerPodPhase.REQUESTED, false),
                pod("s1-taskmanager-1-3", WorkerPodPhase.RUNNING, true));

        assertEquals(Optional.of("2 TaskManager pod(s) are starting and have not registered yet "
                + "(s1-taskmanager-1-1 running, s1-taskmanager-1-2 requested)."),
                MissingWorkers.explain(Optional.empty(), pods, Map.of()));
    }

    @Test
    void registeredPodsLeaveNothingToExplain() {
        assertEquals(Optional.empty(), MissingWorkers.explain(Optional.empty(),
                List.of(pod("s1-taskmanager-1-1", WorkerPodPhase.RUNNING, true)), Map.of()));
    }

    private static WorkerPod pod(String name, WorkerPodPhase phase, boolean registered) {
        return new WorkerPod(name, 1, phase, NOW, registered, null, false);
    }
}
