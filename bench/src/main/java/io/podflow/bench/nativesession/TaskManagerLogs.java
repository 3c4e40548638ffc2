package io.podflow.bench.nativesession;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a round's TaskManagers spent their start, from their pods' logs (their clock is this machine's): for each
 * step, the milliseconds after the round's start when the last of them logged it. The steps are the first line
 * (logging is up, after the start scripts and the JVM's start), the TaskExecutor starting (RPC, data plane and the
 * rest up), registered with the ResourceManager, and the first task deployed into a slot.
 */
record TaskManagerLogs(double firstLine, double executorStarting, double registered, double deployed) {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
            .withZone(ZoneOffset.UTC);
    private static final String TIME = "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) ";
    private static final Pattern FIRST_LINE = Pattern.compile(TIME, Pattern.MULTILINE);
    private static final Pattern EXECUTOR_STARTING = step("TaskManager \\S+ with \\d+ slot\\(s\\) starting at");
    private static final Pattern REGISTERED = step("registered with the ResourceManager");
    private static final Pattern DEPLOYED = step("Deployed .* into slot");

    /** The steps of {@code logs} (one per TaskManager) after {@code start}; NaN for a step some log lacks. */
    static TaskManagerLogs of(Instant start, Collection<String> logs) {
        return new TaskManagerLogs(last(start, logs, FIRST_LINE), last(start, logs, EXECUTOR_STARTING),
                last(start, logs, REGISTERED), last(start, logs, DEPLOYED));
    }

    private static Pattern step(String message) {
        return Pattern.compile(TIME + ".*" + message, Pattern.MULTILINE);
    }

    private static double last(Instant start, Collection<String> logs, Pattern step) {
        double latest = Double.NEGATIVE_INFINITY;
        for (String log : logs) {
            OptionalDouble at = first(start, log, step);
            if (at.isEmpty()) {
                return Double.NaN;
            }
            latest = Math.max(latest, at.getAsDouble());
        }
        return logs.isEmpty() ? Double.NaN : latest;
    }

    private static OptionalDouble first(Instant start, String log, Pattern step) {
        Matcher line = step.matcher(log);
        if (!line.find()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Duration.between(start, Instant.from(LOG_TIME.parse(line.group(1)))).toNanos() / 1e6);
    }
}
