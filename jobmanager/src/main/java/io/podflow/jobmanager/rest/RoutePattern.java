package io.podflow.jobmanager.rest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A path such as {@code /jobs/{jobid}/exceptions}: literal segments and named parameters, one per segment. */
record RoutePattern(String pattern, List<String> segments) {

    static RoutePattern parse(String pattern) {
        return new RoutePattern(pattern, split(pattern));
    }

    /** The path parameters if {@code path} has this shape. */
    Optional<Map<String, String>> match(String path) {
        List<String> parts = split(path);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String segment = segments.get(i);
            if (isParameter(segment)) {
                parameters.put(segment.substring(1, segment.length() - 1), parts.get(i));
            } else if (!segment.equals(parts.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** How many segments are parameters; fewer wins, so {@code /jobs/overview} beats {@code /jobs/{id}}. */
    long parameterCount() {
        return segments.stream().filter(RoutePattern::isParameter).count();
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toList();
    }
}
