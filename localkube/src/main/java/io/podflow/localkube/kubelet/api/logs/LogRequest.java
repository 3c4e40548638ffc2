package io.podflow.localkube.kubelet.api.logs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The query of a kubelet {@code /containerLogs} request: {@code follow}, {@code tailLines}, {@code limitBytes},
 * {@code timestamps} (each line prefixed with the RFC 3339 time it was written), {@code sinceSeconds} or
 * {@code sinceTime} (only what was written from then on) and {@code previous} (the container's run before the
 * current one).
 */
public record LogRequest(boolean follow, OptionalLong tailLines, OptionalLong limitBytes, boolean timestamps,
        Optional<Instant> since, boolean previous) {

    /** Just the window of the current run's log, without times. */
    public LogRequest(boolean follow, OptionalLong tailLines, OptionalLong limitBytes) {
        this(follow, tailLines, limitBytes, false, Optional.empty(), false);
    }

    /** {@code now} is what {@code sinceSeconds} counts back from. */
    public static LogRequest parse(Map<String, List<String>> query, Instant now) {
        OptionalLong sinceSeconds = number(query, "sinceSeconds");
        String sinceTime = first(query, "sinceTime");
        if (sinceSeconds.isPresent() && !sinceTime.isEmpty()) {
            throw new IllegalArgumentException("at most one of sinceSeconds or sinceTime may be specified");
        }
        Optional<Instant> since = sinceSeconds.isPresent()
                ? Optional.of(now.minusSeconds(sinceSeconds.getAsLong()))
                : sinceTime.isEmpty() ? Optional.empty() : Optional.of(time("sinceTime", sinceTime));
        return new LogRequest(flag(query, "follow"), number(query, "tailLines"), number(query, "limitBytes"),
                flag(query, "timestamps"), since, flag(query, "previous"));
    }

    private static boolean flag(Map<String, List<String>> query, String name) {
        String value = first(query, name);
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static Instant time(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 time such as 2024-01-31T12:00:00Z, got '"
                    + value + "'");
        }
    }

    private static OptionalLong number(Map<String, List<String>> query, String name) {
        String value = first(query, name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
        if (parsed < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + parsed);
        }
        return OptionalLong.of(parsed);
    }
}
