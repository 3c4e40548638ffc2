package io.podflow.kubernetes.resourcemanager;

import io.podflow.common.config.OptionType;
import io.podflow.kubernetes.resourcemanager.PodAction.CreatePod;
import io.podflow.kubernetes.resourcemanager.PodAction.DeletePod;
import io.podflow.kubernetes.resourcemanager.PodAction.ForgetPod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Kubernetes driver's one decision: compare the TaskManagers the demand needs with the pods that exist and
 * say which pods to create and delete. Pure and level-triggered: events only say "look again", and running it twice
 * on the same state asks for the same changes.
 *
 * <p>The caller carries out the actions and feeds the outcome back: a pod it deletes is marked
 * {@link WorkerPod#deleting()}, a forgotten pod is dropped, a created pod is {@link WorkerPodPhase#REQUESTED}.
 */
public final class PodReconciler {

    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    private final ReconcileSettings settings;

    public PodReconciler(ReconcileSettings settings) {
        this.settings = settings;
    }

    public ReconcileResult reconcile(ReconcileInput input) {
        Step step = new Step(input);
        input.pods().stream().sorted(Comparator.comparing(WorkerPod::name)).forEach(step::inspect);
        step.matchSupplyToDemand();
        return new ReconcileResult(step.actions, step.failures, step.nextPodIndex, step.refusedDemand,
                step.deadlines.stream().min(Comparator.naturalOrder()));
    }

    /** The working state of one reconcile call. */
    private final class Step {

        private final ReconcileInput input;
        private final Instant now;
        private final List<PodAction> actions = new ArrayList<>();
        private final List<Instant> failures = new ArrayList<>();
        private final List<Instant> deadlines = new ArrayList<>();
        private final List<WorkerPod> supply = new ArrayList<>();
        private int nextPodIndex;
        private OptionalInt refusedDemand;
        private boolean awaitingPreviousAttempt;

        Step(ReconcileInput input) {
            this.input = input;
            this.now = input.now();
            this.nextPodIndex = input.nextPodIndex();
            // a changed demand (e.g. a new job after the refused one failed) may meet a fixed cluster: try again
            this.refusedDemand = input.refusedDemand().stream().filter(demand -> demand == input.workersWanted())
                    .findFirst();
            input.recentFailures().stream().filter(failure -> failure.isAfter(now.minus(FAILURE_WINDOW)))
                    .forEach(failures::add);
        }

        void inspect(WorkerPod pod) {
            boolean previousAttempt = pod.attempt() < settings.attempt();
            if (pod.deleting()) {
                if (pod.phase() == WorkerPodPhase.GONE) {
                    actions.add(new ForgetPod(pod.name(), "deleted"));
                }
                return;
            }
            switch (pod.phase()) {
                case CREATE_FAILED -> {
                    actions.add(new ForgetPod(pod.name(), "its creation failed"));
                    failures.add(now);
                }
                case CREATE_REFUSED -> {
                    actions.add(new ForgetPod(pod.name(), "the API server refused to create it"));
                    failures.add(now);
                    refusedDemand = OptionalInt.of(input.workersWanted());
                }
                case GONE -> {
                    actions.add(new ForgetPod(pod.name(), pod.registered() ? "its pod disappeared"
                            : "its pod disappeared before the TaskManager registered"));
                    countFailureUnlessRegistered(pod, previousAttempt);
                }
                case TERMINATED -> {
                    actions.add(new DeletePod(pod.name(), pod.registered() ? "its pod terminated"
                            : "its pod terminated before the TaskManager registered"));
                    countFailureUnlessRegistered(pod, previousAttempt);
                }
                case REQUESTED, PENDING, RUNNING -> inspectLive(pod, previousAttempt);
                default -> throw new IllegalStateException("Unknown phase " + pod.phase());
            }
        }

        private void inspectLive(WorkerPod pod, boolean previousAttempt) {
            if (pod.registered()) {
                if (pod.idleSince() != null) {
                    Instant idleEnd = pod.idleSince().plus(settings.idleTimeout());
                    if (!now.isBefore(idleEnd)) {
                        actions.add(new DeletePod(pod.name(), "its TaskManager was idle for "
                                + format(settings.idleTimeout()) + " (resourcemanager.taskmanager-timeout)"));
                        return;
                    }
                    deadlines.add(idleEnd);
                }
                supply.add(pod);
            } else if (previousAttempt) {
                if (!now.isBefore(settings.previousAttemptDeadline())) {
                    actions.add(new DeletePod(pod.name(), "it is left from a previous JobManager and its "
                            + "TaskManager did not register with this one in time "
                            + "(resourcemanager.previous-worker.recovery.timeout)"));
                    return;
                }
                awaitingPreviousAttempt = true;
                deadlines.add(settings.previousAttemptDeadline());
                supply.add(pod);
            } else if (pod.phase() == WorkerPodPhase.RUNNING) {
                Instant registrationEnd = pod.phaseSince().plus(settings.registrationTimeout());
                if (!now.isBefore(registrationEnd)) {
                    actions.add(new DeletePod(pod.name(), "its TaskManager did not register within "
                            + format(settings.registrationTimeout())
                            + " (resourcemanager.taskmanager-registration.timeout)"));
                    failures.add(now);
                    return;
                }
                deadlines.add(registrationEnd);
                supply.add(pod);
            } else {
                // requested or pending pods count as supply, so a pod waiting for capacity is never asked for twice
                supply.add(pod);
            }
        }

        private void countFailureUnlessRegistered(WorkerPod pod, boolean previousAttempt) {
            if (!pod.registered() && !previousAttempt) {
                failures.add(now);
            }
        }

        void matchSupplyToDemand() {
            if (awaitingPreviousAttempt) {
                // the previous JobManager's TaskManagers may still register; asking for more now could double them
                return;
            }
            int missing = input.workersWanted() - supply.size();
            if (missing > 0) {
                if (refusedDemand.isPresent()) {
                    return;
                }
                Optional<Instant> blockedUntil = creationBlockedUntil();
                if (blockedUntil.isPresent()) {
                    deadlines.add(blockedUntil.get());
                    return;
                }
                for (int i = 0; i < missing; i++) {
                    actions.add(new CreatePod(settings.names().taskManagerPod(settings.attempt(), nextPodIndex++)));
                }
            } else if (missing < 0) {
                supply.stream().filter(pod -> !pod.registered() && pod.phase() == WorkerPodPhase.PENDING)
                        .sorted(Comparator.comparing(WorkerPod::attempt).thenComparing(WorkerPod::phaseSince)
                                .reversed())
                        .limit(-missing)
                        .forEach(pod -> actions.add(new DeletePod(pod.name(), "it is no longer needed")));
            }
        }

        /** Once the failures of the last minute reach the limit, new pods wait for the retry interval. */
        private Optional<Instant> creationBlockedUntil() {
            if (failures.size() < settings.maxFailuresPerMinute()) {
                return Optional.empty();
            }
            Instant retryAt = failures.stream().max(Comparator.naturalOrder()).orElseThrow()
                    .plus(settings.retryInterval());
            return now.isBefore(retryAt) ? Optional.of(retryAt) : Optional.empty();
        }
    }

    private static String format(Duration duration) {
        return OptionType.DURATION.format(duration);
    }
}
