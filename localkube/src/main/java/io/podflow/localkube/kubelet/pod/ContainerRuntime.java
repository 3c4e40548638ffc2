package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.podflow.localkube.kubelet.container.ContainerProcess;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the kubelet knows about one container of a pod; touched only by the pod worker thread. */
final class ContainerRuntime {

    /** Why a container waits whose Secret, ConfigMap or other referenced setting is missing. */
    static final String CONFIG_ERROR = "CreateContainerConfigError";

    private final String name;
    private final String image;
    private ContainerProcess process;
    private int attempt;
    private int restartCount;
    private Instant startedAt;
    private ContainerState lastTermination;
    private ContainerState current;
    private Instant nextStartAt = Instant.EPOCH;
    private boolean ready;
    private boolean done;
    private boolean launching;
    private Instant killAt;

    /** @param waitingReason why it has not started yet: {@code ContainerCreating} or {@code PodInitializing} */
    ContainerRuntime(String name, String image, String waitingReason) {
        this.name = name;
        this.image = image;
        this.current = waiting(waitingReason, null);
    }

    String name() {
        return name;
    }

    ContainerProcess process() {
        return process;
    }

    int attempt() {
        return attempt;
    }

    int restartCount() {
        return restartCount;
    }

    boolean isRunning() {
        return process != null;
    }

    /** A launch thread is starting it; it is neither running nor startable until the outcome is back. */
    boolean isLaunching() {
        return launching;
    }

    void launching() {
        this.launching = true;
    }

    /** Neither running, being started, finished, nor waiting for its back-off to end. */
    boolean isDueToStart(Instant now) {
        return process == null && !launching && !done && !nextStartAt.isAfter(now);
    }

    /** The container exited and its restart policy says it stays that way. */
    boolean isDone() {
        return done;
    }

    /** Done with exit code 0 (what an init container must reach before the next one starts). */
    boolean isDoneSuccessfully() {
        return done && current.getTerminated().getExitCode() == 0;
    }

    Instant nextStartAt() {
        return nextStartAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** When a container asked to stop is killed if it has not exited; null when not stopping. */
    Instant killAt() {
        return killAt;
    }

    void stopping(Instant killAt) {
        if (this.killAt == null) {
            this.killAt = killAt;
        }
    }

    void setReady(boolean ready) {
        this.ready = ready;
    }

    void started(ContainerProcess process, Instant now) {
        if (attempt > 0) {
            restartCount++;
        }
        attempt++;
        this.launching = false;
        this.process = process;
        this.startedAt = now;
        this.ready = false;
        this.current = new ContainerStateBuilder().withNewRunning().withStartedAt(timestamp(now)).endRunning().build();
    }

    /** Records an exit; {@code restartAt} null means the container stays terminated. */
    void exited(int exitCode, String reason, Instant now, Instant restartAt) {
        ContainerState terminated = new ContainerStateBuilder().withNewTerminated()
                .withExitCode(exitCode)
                .withReason(reason)
                .withStartedAt(timestamp(startedAt))
                .withFinishedAt(timestamp(now))
                .withContainerID(containerId())
                .endTerminated().build();
        process = null;
        ready = false;
        killAt = null;
        if (restartAt == null) {
            done = true;
            current = terminated;
        } else {
            lastTermination = terminated;
            nextStartAt = restartAt;
            current = restartAt.isAfter(now)
                    ? waiting("CrashLoopBackOff", "back-off restarting failed container " + name)
                    : waiting("ContainerCreating", null);
        }
    }

    /** A container that could not start for want of a Secret or ConfigMap is tried again at once. */
    void configChanged(Instant now) {
        if (current.getWaiting() != null && CONFIG_ERROR.equals(current.getWaiting().getReason())
                && nextStartAt.isAfter(now)) {
            nextStartAt = now;
        }
    }

    /** The container could not be started; it is retried at {@code retryAt}. */
    void failedToStart(String reason, String message, Instant retryAt) {
        launching = false;
        current = waiting(reason, message);
        nextStartAt = retryAt;
    }

    ContainerStatus toStatus() {
        return new ContainerStatusBuilder()
                .withName(name)
                .withImage(image)
                .withImageID("localkube://" + image)
                .withContainerID(process == null ? null : containerId())
                .withState(current)
                .withLastState(lastTermination == null ? new ContainerState() : lastTermination)
                .withReady(ready && process != null)
                .withStarted(process != null)
                .withRestartCount(restartCount)
                .build();
    }

    private String containerId() {
        return "localkube://" + (process == null ? "exited" : Long.toString(process.pid()));
    }

    private static ContainerState waiting(String reason, String message) {
        return new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build();
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
