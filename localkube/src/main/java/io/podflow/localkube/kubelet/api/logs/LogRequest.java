package io.podflow.localkube.kubelet.api.logs;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The query of a kubelet {@code /containerLogs} request that the process kubelet honours: {@code follow},
 * {@code tailLines} and {@code limitBytes}. Lines carry no recorded time, so {@code timestamps},
 * {@code sinceSeconds} and {@code sinceTime} are not applied; {@code previous} serves the same file, which
 * holds every run of the container.
 */
public record LogRequest(boolean follow, OptionalLong tailLines, OptionalLong limitBytes) {

    public static LogRequest parse(Map<String, List<String>> query) {
        return new LogRequest("true".equalsIgnoreCase(first(query, "follow")) || "1".equals(first(query, "follow")),
                number(query, "tailLines"), number(query, "limitBytes"));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
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
