package io.podflow.kubernetes.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodPhasesTest {

    @ParameterizedTest
    @CsvSource({"Pending, PENDING", "Running, RUNNING", "Succeeded, TERMINATED", "Failed, TERMINATED",
            "Unknown, RUNNING"})
    void mapsTheReportedPhase(String phase, WorkerPodPhase expected) {
        assertEquals(expected, PodPhases.of(new PodBuilder().withNewMetadata().withName("p").endMetadata()
                .withNewStatus().withPhase(phase).endStatus().build()));
    }

    @Test
    void aPodWithoutStatusIsPending() {
        assertEquals(WorkerPodPhase.PENDING, PodPhases.of(new PodBuilder().withNewMetadata().withName("p")
                .endMetadata().build()));
    }

    @Test
    void aRunningPodWhoseContainerTerminatedIsTerminated() {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewStatus().withPhase("Running")
                .addNewContainerStatus().withName("flink-main-container").withNewState().withNewTerminated()
                .withExitCode(137).endTerminated().endState().endContainerStatus().endStatus().build();

        assertEquals(WorkerPodPhase.TERMINATED, PodPhases.of(pod));
    }

    @Test
    void aPodBeingDeletedIsTerminated() {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").withDeletionTimestamp("2026-01-01T00:00:00Z")
                .endMetadata().withNewStatus().withPhase("Running").endStatus().build();

        assertEquals(WorkerPodPhase.TERMINATED, PodPhases.of(pod));
    }

    @Test
    void theSchedulersReasonIsReadFromThePodScheduledCondition() {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewStatus().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/1 nodes are available: 1 Insufficient cpu.").endCondition().endStatus().build();

        assertEquals(Optional.of("Unschedulable: 0/1 nodes are available: 1 Insufficient cpu."),
                PodPhases.schedulingProblem(pod));
    }

    @Test
    void aScheduledPodHasNoSchedulingProblem() {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewStatus().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition().endStatus().build();

        assertEquals(Optional.empty(), PodPhases.schedulingProblem(pod));
    }
}
