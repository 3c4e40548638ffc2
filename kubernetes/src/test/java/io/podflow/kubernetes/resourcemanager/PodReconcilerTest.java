package io.podflow.kubernetes.resourcemanager;

import static io.podflow.kubernetes.resourcemanager.WorkerPodPhase.CREATE_FAILED;
import static io.podflow.kubernetes.resourcemanager.WorkerPodPhase.CREATE_REFUSED;
import static io.podflow.kubernetes.resourcemanager.WorkerPodPhase.GONE;
import static io.podflow.kubernetes.resourcemanager.WorkerPodPhase.PENDING;
import static io.podflow.kubernetes.resourcemanager.WorkerPodPhase.REQUESTED;
import static io.podflow.kubernetes.resourcemanager.WorkerPodPhase.RUNNING;
import static io.podflow.kubernetes.resourcemanager.WorkerPodPhase.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.resourcemanager.PodAction.CreatePod;
import io.podflow.kubernetes.resourcemanager.PodAction.DeletePod;
import io.podflow.kubernetes.resourcemanager.PodAction.ForgetPod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reconcile step as a table: state in, actions out, no Kubernetes in sight. */
class PodReconcilerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final KubernetesObjectNames NAMES = new KubernetesObjectNames("s1");
    private static final OptionalInt NO_REFUSAL = OptionalInt.empty();
    /** Attempt 2; previous-attempt pods are awaited until 30 s from now. */
    private static final ReconcileSettings SETTINGS = new ReconcileSettings(NAMES, 2, Duration.ofMinutes(5),
            Duration.ofSeconds(30), 3, Duration.ofSeconds(3), NOW.plusSeconds(30));

    static Stream<Arguments> cases() {
        return Stream.of(
                row("demand with no pods creates that many, numbered within this attempt",
                        state(2), List.of(create(1), create(2)), none()),
                row("a requested and a pending pod already cover a demand of two",
                        state(2, pod(1, REQUESTED), pod(2, PENDING)), List.of(), none()),
                row("a pod pending for an hour (no capacity) is waited for, never asked for twice",
                        state(1, pod(1, PENDING, NOW.minusSeconds(3600))), List.of(), none()),
                row("a pod that terminated before registering is deleted and replaced",
                        state(1, pod(1, TERMINATED)),
                        List.of(delete(1, "its pod terminated before the TaskManager registered"), create(2)), none()),
                row("a pod that vanished before registering is forgotten and replaced",
                        state(1, pod(1, GONE)),
                        List.of(forget(1, "its pod disappeared before the TaskManager registered"), create(2)),
                        none()),
                row("a failed creation is forgotten and retried",
                        state(1, pod(1, CREATE_FAILED)), List.of(forget(1, "its creation failed"), create(2)),
                        none()),
                row("a registered TaskManager whose pod terminated is replaced",
                        state(1, registered(pod(1, TERMINATED))),
                        List.of(delete(1, "its pod terminated"), create(2)), none()),
                row("a running pod within the registration timeout is waited for until it ends",
                        state(1, pod(1, RUNNING, NOW.minusSeconds(60))), List.of(),
                        Optional.of(NOW.plusSeconds(240))),
                row("a running pod that never registered is deleted and replaced",
                        state(1, pod(1, RUNNING, NOW.minusSeconds(300))),
                        List.of(delete(1, "its TaskManager did not register within 5 min "
                                + "(resourcemanager.taskmanager-registration.timeout)"), create(2)), none()),
                row("an idle TaskManager is released after the timeout",
                        state(0, idle(pod(1, RUNNING), NOW.minusSeconds(30))),
                        List.of(delete(1, "its TaskManager was idle for 30 s (resourcemanager.taskmanager-timeout)")),
                        none()),
                row("an idle TaskManager within the timeout is kept until it ends",
                        state(0, idle(pod(1, RUNNING), NOW.minusSeconds(10))), List.of(),
                        Optional.of(NOW.plusSeconds(20))),
                row("a busy registered TaskManager stays whatever the demand",
                        state(0, registered(pod(1, RUNNING))), List.of(), none()),
                row("a pod being deleted does not count and is replaced",
                        state(1, deleting(pod(1, RUNNING))), List.of(create(2)), none()),
                row("a deleted pod that is gone is forgotten without a failure",
                        state(0, deleting(pod(1, GONE))), List.of(forget(1, "deleted")), none()),
                row("pending pods beyond the demand are deleted, newest first",
                        state(1, pod(1, PENDING, NOW.minusSeconds(20)), pod(2, PENDING, NOW.minusSeconds(10))),
                        List.of(delete(2, "it is no longer needed")), none()),
                row("requested and running pods beyond the demand are left to register and idle out",
                        state(0, pod(1, REQUESTED), pod(2, RUNNING, NOW)), List.of(),
                        Optional.of(NOW.plus(Duration.ofMinutes(5)))),
                row("a live unregistered pod of the previous JobManager is awaited before asking for more",
                        state(2, previous(RUNNING)), List.of(), Optional.of(NOW.plusSeconds(30))),
                row("a registered pod of the previous JobManager is simply a worker",
                        state(1, registered(previous(RUNNING))), List.of(), none()),
                row("a dead pod of the previous JobManager is deleted without waiting",
                        state(1, previous(TERMINATED)), List.of(
                                new DeletePod("s1-taskmanager-1-1", "its pod terminated before the TaskManager "
                                        + "registered"), create(1)), none()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String description, ReconcileInput input, List<PodAction> expectedActions,
            Optional<Instant> expectedNextCheck) {
        ReconcileResult result = new PodReconciler(SETTINGS).reconcile(input);

        assertEquals(expectedActions, result.actions());
        assertEquals(expectedNextCheck, result.nextCheck());
    }

    @Test
    void previousAttemptPodsThatDoNotRegisterInTimeAreDeletedAndReplaced() {
        ReconcileInput input = new ReconcileInput(1, List.of(previous(PENDING)), List.of(), 1, NO_REFUSAL,
                NOW.plusSeconds(30));

        ReconcileResult result = new PodReconciler(SETTINGS).reconcile(input);

        assertEquals(List.of(new DeletePod("s1-taskmanager-1-1", "it is left from a previous JobManager and its "
                + "TaskManager did not register with this one in time "
                + "(resourcemanager.previous-worker.recovery.timeout)"), create(1)), result.actions());
        assertEquals(List.of(), result.recentFailures());
    }

    @Test
    void failuresAreCountedOncePerFailedStart() {
        ReconcileInput input = state(2, pod(1, TERMINATED), pod(2, CREATE_FAILED), registered(pod(3, TERMINATED)),
                previous(GONE));

        ReconcileResult result = new PodReconciler(SETTINGS).reconcile(input);

        assertEquals(List.of(NOW, NOW), result.recentFailures());
        assertEquals(6, result.nextPodIndex());
    }

    @Test
    void reachingTheFailureRateHoldsNewPodsForTheRetryInterval() {
        List<Instant> failures = List.of(NOW.minusSeconds(20), NOW.minusSeconds(10), NOW.minusSeconds(1));

        ReconcileResult held = new PodReconciler(SETTINGS).reconcile(new ReconcileInput(1, List.of(), failures, 1,
                NO_REFUSAL, NOW));
        ReconcileResult resumed = new PodReconciler(SETTINGS).reconcile(new ReconcileInput(1, List.of(), failures, 1,
                NO_REFUSAL, NOW.plusSeconds(2)));

        assertEquals(List.of(), held.actions());
        assertEquals(Optional.of(NOW.plusSeconds(2)), held.nextCheck());
        assertEquals(List.of(create(1)), resumed.actions());
    }

    @Test
    void aFailureThatMeetsTheLimitHoldsItsOwnReplacement() {
        List<Instant> failures = List.of(NOW.minusSeconds(20), NOW.minusSeconds(10));

        ReconcileResult result = new PodReconciler(SETTINGS).reconcile(new ReconcileInput(1,
                List.of(pod(1, TERMINATED)), failures, 2, NO_REFUSAL, NOW));

        assertEquals(List.of(delete(1, "its pod terminated before the TaskManager registered")), result.actions());
        assertEquals(Optional.of(NOW.plusSeconds(3)), result.nextCheck());
        assertEquals(3, result.recentFailures().size());
    }

    @Test
    void aRefusedPodIsCountedAndNothingIsCreatedWhileTheDemandStaysTheSame() {
        ReconcileResult refused = new PodReconciler(SETTINGS).reconcile(state(2, pod(1, CREATE_REFUSED),
                pod(2, REQUESTED)));
        ReconcileResult sameDemand = new PodReconciler(SETTINGS).reconcile(new ReconcileInput(2, List.of(),
                refused.recentFailures(), refused.nextPodIndex(), refused.refusedDemand(), NOW.plusSeconds(60)));

        assertEquals(List.of(forget(1, "the API server refused to create it")), refused.actions());
        assertEquals(List.of(NOW), refused.recentFailures());
        assertEquals(OptionalInt.of(2), refused.refusedDemand());
        assertEquals(List.of(), sameDemand.actions());
        assertEquals(Optional.empty(), sameDemand.nextCheck());
    }

    @Test
    void aChangedDemandTriesARefusedSpecAgain() {
        ReconcileResult result = new PodReconciler(SETTINGS).reconcile(new ReconcileInput(1, List.of(), List.of(), 3,
                OptionalInt.of(2), NOW));

        assertEquals(List.of(create(3)), result.actions());
        assertEquals(OptionalInt.empty(), result.refusedDemand());
    }

    @Test
    void failuresOlderThanAMinuteAreDropped() {
        List<Instant> failures = List.of(NOW.minusSeconds(61), NOW.minusSeconds(60), NOW.minusSeconds(59));

        ReconcileResult result = new PodReconciler(SETTINGS).reconcile(new ReconcileInput(1, List.of(), failures, 1,
                NO_REFUSAL, NOW));

        assertEquals(List.of(NOW.minusSeconds(59)), result.recentFailures());
        assertEquals(List.of(create(1)), result.actions());
    }

    @Test
    void runningTheStepAgainOnItsOwnOutcomeAsksForNothingMore() {
        PodReconciler reconciler = new PodReconciler(SETTINGS);
        ReconcileResult first = reconciler.reconcile(state(3, pod(1, PENDING)));
        List<WorkerPod> pods = new ArrayList<>(List.of(pod(1, PENDING)));
        first.actions().forEach(action -> pods.add(new WorkerPod(action.podName(), 2, REQUESTED, NOW, false, null,
                false)));

        ReconcileResult second = reconciler.reconcile(new ReconcileInput(3, pods, first.recentFailures(),
                first.nextPodIndex(), first.refusedDemand(), NOW));

        assertEquals(List.of(create(2), create(3)), first.actions());
        assertEquals(List.of(), second.actions());
        assertEquals(4, second.nextPodIndex());
    }

    @Test
    void nextAttemptIsOneAboveTheHighestFound() {
        assertEquals(1, AttemptNumbers.next(NAMES, List.of()));
        assertEquals(4, AttemptNumbers.next(NAMES, List.of("s1-taskmanager-1-5", "s1-taskmanager-3-1",
                "s10-taskmanager-7-1", "other")));
    }

    private static Arguments row(String description, ReconcileInput input, List<PodAction> actions,
            Optional<Instant> nextCheck) {
        return Arguments.of(description, input, actions, nextCheck);
    }

    private static Optional<Instant> none() {
        return Optional.empty();
    }

    /** This attempt's pods are numbered 1..n, so the next index is one past the highest. */
    private static ReconcileInput state(int workersWanted, WorkerPod... pods) {
        int nextIndex = Stream.of(pods).filter(pod -> pod.attempt() == 2)
                .mapToInt(pod -> Integer.parseInt(pod.name().substring(pod.name().lastIndexOf('-') + 1)))
                .max().orElse(0) + 1;
        return new ReconcileInput(workersWanted, List.of(pods), List.of(), nextIndex, NO_REFUSAL, NOW);
    }

    private static WorkerPod pod(int index, WorkerPodPhase phase) {
        return pod(index, phase, NOW.minusSeconds(5));
    }

    private static WorkerPod pod(int index, WorkerPodPhase phase, Instant since) {
        return new WorkerPod(NAMES.taskManagerPod(2, index), 2, phase, since, false, null, false);
    }

    private static WorkerPod previous(WorkerPodPhase phase) {
        return new WorkerPod(NAMES.taskManagerPod(1, 1), 1, phase, NOW, false, null, false);
    }

    private static WorkerPod registered(WorkerPod pod) {
        return new WorkerPod(pod.name(), pod.attempt(), pod.phase(), pod.phaseSince(), true, null, false);
    }

    private static WorkerPod idle(WorkerPod pod, Instant since) {
        return new WorkerPod(pod.name(), pod.attempt(), pod.phase(), pod.phaseSince(), true, since, false);
    }

    private static WorkerPod deleting(WorkerPod pod) {
        return new WorkerPod(pod.name(), pod.attempt(), pod.phase(), pod.phaseSince(), pod.registered(),
                pod.idleSince(), true);
    }

    private static CreatePod create(int index) {
        return new CreatePod(NAMES.taskManagerPod(2, index));
    }

    private static DeletePod delete(int index, String reason) {
        return new DeletePod(NAMES.taskManagerPod(2, index), reason);
    }

    private static ForgetPod forget(int index, String reason) {
        return new ForgetPod(NAMES.taskManagerPod(2, index), reason);
    }
}
