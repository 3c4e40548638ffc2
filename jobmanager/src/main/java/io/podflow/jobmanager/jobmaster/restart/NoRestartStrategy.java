package io.podflow.jobmanager.jobmaster.restart;

import java.time.Duration;

/** {@code restart-strategy: none}: the first failure fails the job. */
public final class NoRestartStrategy implements RestartStrategy {

    @Override
    public boolean tryRestart() {
        return false;
    }

    @Override
    public Duration delay() {
        return Duration.ZERO;
    }

    @Override
    public String exhaustedReason() {
        return "restart-strategy is none";
    }
}
