package io.podflow.localkube.kubelet.probe;

import java.util.Optional;

/**
 * Counts consecutive probe results: a readiness result flips after {@code successThreshold}
 * successes or {@code failureThreshold} failures; a liveness probe reports only crossed failures.
 */
public final class ProbeThreshold {

    private final int successThreshold;
    private final int failureThreshold;
    private final boolean liveness;
    private int successes;
    private int failures;
    private Boolean state;

    public ProbeThreshold(int successThreshold, int failureThreshold, boolean liveness) {
        this.successThreshold = successThreshold;
        this.failureThreshold = failureThreshold;
        this.liveness = liveness;
    }

    /** Records one result; returns the new state when it changed. */
    public synchronized Optional<Boolean> record(boolean passed) {
        if (passed) {
            successes++;
            failures = 0;
        } else {
            failures++;
            successes = 0;
        }
        if (liveness) {
            return failures == failureThreshold ? Optional.of(false) : Optional.empty();
        }
        Boolean next = state;
        if (passed && successes >= successThreshold) {
            next = true;
        } else if (!passed && failures >= failureThreshold) {
            next = false;
        }
        if (next != null && !next.equals(state)) {
            state = next;
            return Optional.of(next);
        }
        return Optional.empty();
    }
}
