package io.podflow.taskmanager;

import java.time.Duration;

/** Pauses between registration attempts: doubling from an initial pause up to a maximum, reset on success. */
final class RegistrationBackoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    RegistrationBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
        this.next = initial;
    }

    /** The pause before the next attempt; each call doubles the one after, up to the maximum. */
    Duration nextPause() {
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return pause;
    }

    void reset() {
        next = initial;
    }
}
