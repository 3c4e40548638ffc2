package io.podflow.localkube.kubelet.pod;

import java.time.Duration;

/** Whether and when an exited container starts again, per the pod's {@code restartPolicy}. */
public final class RestartDecision {

    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public RestartDecision(Duration initialBackoff, Duration maxBackoff) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** {@code Always} restarts every exit, {@code OnFailure} only non-zero exits, {@code Never} none. */
    public static boolean shouldRestart(String restartPolicy, int exitCode) {
        if ("Never".equals(restartPolicy)) {
            return false;
        }
        if ("OnFailure".equals(restartPolicy)) {
            return exitCode != 0;
        }
        return true;
    }

    /**
     * The wait before the next start, given how often the container was restarted so far: none for
     * the first restart or after a run long enough to count as healthy, then the initial back-off
     * doubling per restart up to the maximum.
     */
    public Duration backoff(int restartCount, Duration lastRunTime) {
        if (restartCount == 0 || lastRunTime.compareTo(maxBackoff.multipliedBy(2)) >= 0) {
            return Duration.ZERO;
        }
        Duration delay = initialBackoff;
        for (int i = 1; i < restartCount && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
