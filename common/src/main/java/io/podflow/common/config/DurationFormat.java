package io.podflow.common.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text form of durations: {@code 30 s}, {@code 5 min}, {@code 100ms}, {@code 1h}; a bare number means milliseconds. */
final class DurationFormat {

    static final String EXPECTATION = "is not a duration (examples: 30 s, 5 min, 100 ms, 3600000)";

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+)\\s*([a-zA-Zµ]*)");

    /** Units from largest to smallest; the first name of each is the one {@link #format} writes. */
    private static final List<Unit> UNITS = List.of(
            new Unit(ChronoUnit.DAYS, "d", "day", "days"),
            new Unit(ChronoUnit.HOURS, "h", "hour", "hours"),
            new Unit(ChronoUnit.MINUTES, "min", "m", "minute", "minutes", "mins"),
            new Unit(ChronoUnit.SECONDS, "s", "sec", "secs", "second", "seconds"),
            new Unit(ChronoUnit.MILLIS, "ms", "milli", "millis", "millisecond", "milliseconds"),
            new Unit(ChronoUnit.MICROS, "us", "µs", "micro", "micros", "microsecond", "microseconds"),
            new Unit(ChronoUnit.NANOS, "ns", "nano", "nanos", "nanosecond", "nanoseconds"));

    private DurationFormat() {
    }

    static Duration parse(String raw) {
        Matcher matcher = NUMBER_AND_UNIT.matcher(raw.trim());
        if (!matcher.matches()) {
            throw OptionType.invalid(raw, EXPECTATION);
        }
        String unitName = matcher.group(2).toLowerCase(Locale.ROOT);
        ChronoUnit unit = unitName.isEmpty() ? ChronoUnit.MILLIS : unitNamed(unitName, raw);
        try {
            return Duration.of(Long.parseLong(matcher.group(1)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw OptionType.invalid(raw, "is too large for a duration");
        }
    }

    /** Writes the duration in the largest unit that represents it exactly, e.g. {@code 5 min}. */
    static String format(Duration duration) {
        if (duration.isNegative()) {
            throw OptionType.invalid(duration.toString(), "is negative; durations must be zero or more");
        }
        if (duration.isZero()) {
            return "0 ms";
        }
        for (Unit unit : UNITS) {
            Duration unitLength = unit.chronoUnit.getDuration();
            if (duration.toNanos() % unitLength.toNanos() == 0 || unit.chronoUnit == ChronoUnit.NANOS) {
                return duration.dividedBy(unitLength) + " " + unit.names.get(0);
            }
        }
        throw new AssertionError("nanoseconds divide every duration");
    }

    private static ChronoUnit unitNamed(String name, String raw) {
        for (Unit unit : UNITS) {
            if (unit.names.contains(name)) {
                return unit.chronoUnit;
            }
        }
        throw OptionType.invalid(raw, EXPECTATION);
    }

    private record Unit(ChronoUnit chronoUnit, List<String> names) {
        Unit(ChronoUnit chronoUnit, String... names) {
            this(chronoUnit, List.of(names));
        }
    }
}
