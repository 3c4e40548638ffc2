package io.podflow.jobmanager.jobmaster.restart;

import java.time.Duration;

/** {@code restart-strategy: fixed-delay}: at most {@code attempts} restarts per job, each after {@code delay}. */
public final class FixedDelayRestartStrategy implements RestartStrategy {

    private final int attempts;
    private final Duration delay;
    private int restartsUsed;

    public FixedDelayRestartStrategy(int attempts, Duration delay) {
        if (attempts < 0 || delay.isNegative()) {
            throw new IllegalArgumentException("fixed-delay needs attempts >= 0 and a delay >= 0, not " + attempts
                    + " and " + delay);
        }
        this.attempts = attempts;
        this.delay = delay;
    }

    @Override
    public boolean tryRestart() {
        if (restartsUsed >= attempts) {
            return false;
        }
        restartsUsed++;
        return true;
    }

    @Override
    public Duration delay() {
        return delay;
    }

    @Override
    public String exhaustedReason() {
        return "restart-strategy fixed-delay allowed " + attempts + " restart(s) and all were used";
    }
}
