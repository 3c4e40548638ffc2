package io.podflow.kubernetes.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.resourcemanager.PodAction.CreatePod;
import io.podflow.kubernetes.resourcemanager.PodAction.DeletePod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table folds events into the state the reconcile step reads; driven here through whole reconcile rounds. */
class WorkerPodTableTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final KubernetesObjectNames NAMES = new KubernetesObjectNames("s1");
    private static final ReconcileSettings SETTINGS = new ReconcileSettings(NAMES, 1, Duration.ofMinutes(5),
            Duration.ofSeconds(30), 10, Duration.ofSeconds(3), T0);

    private final WorkerPodTable table = new WorkerPodTable(NAMES);
    private final PodReconciler reconciler = new PodReconciler(SETTINGS);

    @Test
    void aPodThatFailsBeforeRegisteringIsReplacedOnceAndThenReleasedWhenIdle() {
        assertEquals(List.of(new CreatePod("s1-taskmanager-1-1")), round(1, T0));
        table.observed(pod("s1-taskmanager-1-1", "Pending"), T0.plusSeconds(1));
        assertEquals(List.of(), round(1, T0.plusSeconds(1)));

        table.observed(pod("s1-taskmanager-1-1", "Failed"), T0.plusSeconds(2));
        assertEquals(List.of(new DeletePod("s1-taskmanager-1-1", "its pod terminated before the TaskManager "
                + "registered"), new CreatePod("s1-taskmanager-1-2")), round(1, T0.plusSeconds(2)));
        assertEquals(List.of(), round(1, T0.plusSeconds(2)));

        table.observedGone("s1-taskmanager-1-1", T0.plusSeconds(3));
        table.observed(pod("s1-taskmanager-1-2", "Running"), T0.plusSeconds(3));
        table.registered("s1-taskmanager-1-2", T0.plusSeconds(4));
        table.busy("s1-taskmanager-1-2");
        round(1, T0.plusSeconds(4));
        assertEquals(List.of("s1-taskmanager-1-2"), table.pods().stream().map(WorkerPod::name).toList());

        table.idle("s1-taskmanager-1-2", T0.plusSeconds(10));
        assertEquals(List.of(), round(0, T0.plusSeconds(39)));
        assertEquals(List.of(new DeletePod("s1-taskmanager-1-2", "its TaskManager was idle for 30 s "
                + "(resourcemanager.taskmanager-timeout)")), round(0, T0.plusSeconds(40)));
    }

    @Test
    void aFailedCreationIsRetriedWithTheNextIndex() {
        round(1, T0);

        table.creationFailed("s1-taskmanager-1-1", T0.plusSeconds(1));

        assertEquals(List.of(new PodAction.ForgetPod("s1-taskmanager-1-1", "its creation failed"),
                new CreatePod("s1-taskmanager-1-2")), round(1, T0.plusSeconds(1)));
        assertFalse(table.knows("s1-taskmanager-1-1"));
        assertTrue(table.knows("s1-taskmanager-1-2"));
    }

    @Test
    void aRefusedCreationStopsCreationUntilTheDemandChangesAndSaysWhy() {
        round(2, T0);

        table.creationRefused("s1-taskmanager-1-1", T0.plusSeconds(1), "403 Forbidden");
        table.creationRefused("s1-taskmanager-1-2", T0.plusSeconds(1), "403 Forbidden");

        assertEquals(2, round(2, T0.plusSeconds(1)).size());
        assertEquals(List.of(), round(2, T0.plusSeconds(120)));
        assertEquals(Optional.of("403 Forbidden"), table.refusal());
        assertEquals(List.of(new CreatePod("s1-taskmanager-1-3")), round(1, T0.plusSeconds(121)));
        assertEquals(Optional.empty(), table.refusal());
    }

    @Test
    void whatTheSchedulerSaysIsKeptWhileThePodIsPending() {
        round(1, T0);
        Pod unplaced = new PodBuilder(pod("s1-taskmanager-1-1", "Pending")).editStatus().addNewCondition()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/1 nodes are available: 1 Insufficient cpu.").endCondition().endStatus().build();

        table.observed(unplaced, T0.plusSeconds(1));
        Map<String, String> whilePending = table.schedulingProblems();
        table.observed(pod("s1-taskmanager-1-1", "Running"), T0.plusSeconds(2));

        assertEquals(Map.of("s1-taskmanager-1-1", "Unschedulable: 0/1 nodes are available: 1 Insufficient cpu."),
                whilePending);
        assertEquals(Map.of(), table.schedulingProblems());
    }

    @Test
    void podsOfOtherClustersAreIgnoredAndPreviousAttemptsAdopted() {
        table.observed(pod("s2-taskmanager-1-1", "Running"), T0);
        table.observed(pod("s1-taskmanager-3-4", "Running"), T0);

        assertEquals(List.of(new WorkerPod("s1-taskmanager-3-4", 3, WorkerPodPhase.RUNNING, T0, false, null, false)),
                table.pods());
    }

    @Test
    void aPhaseChangeRestartsItsClockButARepeatedPhaseDoesNot() {
        table.observed(pod("s1-taskmanager-1-1", "Running"), T0);
        table.observed(pod("s1-taskmanager-1-1", "Running"), T0.plusSeconds(9));

        assertEquals(T0, table.pods().get(0).phaseSince());
    }

    private List<PodAction> round(int workersWanted, Instant now) {
        ReconcileResult result = reconciler.reconcile(table.input(workersWanted, now));
        table.record(result, now);
        return result.actions();
    }

    private static Pod pod(String name, String phase) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus().withPhase(phase)
                .endStatus().build();
    }
}
