package io.podflow.api.windowing;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A window size or slide, as in {@code timeWindow(Time.seconds(5))}. */
public record Time(long milliseconds) implements Serializable {

    public Time {
        if (milliseconds <= 0) {
            throw new IllegalArgumentException("A window time must be positive, not " + milliseconds + " ms");
        }
    }

    public static Time of(long size, TimeUnit unit) {
        return new Time(unit.toMillis(size));
    }

    public static Time milliseconds(long milliseconds) {
        return new Time(milliseconds);
    }

    public static Time seconds(long seconds) {
        return of(seconds, TimeUnit.SECONDS);
    }

    public static Time minutes(long minutes) {
        return of(minutes, TimeUnit.MINUTES);
    }

    public static Time hours(long hours) {
        return of(hours, TimeUnit.HOURS);
    }

    public static Time of(Duration duration) {
        return new Time(duration.toMillis());
    }

    public Duration toDuration() {
        return Duration.ofMillis(milliseconds);
    }
}
