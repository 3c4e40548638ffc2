package io.podflow.common.config;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A restriction on an option's values beyond its type. {@code requirement} completes "must be ...", as in
 * {@code taskmanager.numberOfTaskSlots: '0' is not allowed (must be at least 1)}.
 */
public record OptionRule<T>(Predicate<? super T> accepts, String requirement) {

    private static final int MAX_PORT = 65535;

    public OptionRule {
        Objects.requireNonNull(accepts, "accepts");
        Objects.requireNonNull(requirement, "requirement");
    }

    public static OptionRule<Integer> atLeast(int minimum) {
        return new OptionRule<>(value -> value >= minimum, "at least " + minimum);
    }

    /** A TCP port; 0 lets the system pick a free one. */
    public static OptionRule<Integer> port() {
        return new OptionRule<>(value -> value >= 0 && value <= MAX_PORT, "a port from 0 to " + MAX_PORT);
    }

    /** A share of some whole: from 0 (inclusive) to 1 (exclusive). */
    public static OptionRule<Double> fraction() {
        return new OptionRule<>(value -> value >= 0 && value < 1, "at least 0 and less than 1");
    }

    public static OptionRule<Duration> positiveDuration() {
        return new OptionRule<>(value -> !value.isNegative() && !value.isZero(), "longer than 0 ms");
    }
}
