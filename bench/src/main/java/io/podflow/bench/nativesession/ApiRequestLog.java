package io.podflow.bench.nativesession;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JobManager's log lines of {@code io.podflow.kubernetes.client.ApiRequestCounter} (enabled at DEBUG by the
 * benchmark's log configuration): each names the running number of a Kubernetes API request, its method and path.
 */
final class ApiRequestLog {

    /** The logger line the benchmark's log configuration enables, for the session's log4j2.properties. */
    static final String LOGGER_CONFIG = "logger.apirequests.name = io.podflow.kubernetes.client.ApiRequestCounter\n"
            + "logger.apirequests.level = DEBUG\n";

    private static final Pattern REQUEST = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*Kubernetes API request (\\d+): (\\S+) (\\S+)",
            Pattern.MULTILINE);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
            .withZone(ZoneOffset.UTC);
    private static final Pattern POD_NAME = Pattern.compile("/pods/[^/]+");

    private final String log;

    ApiRequestLog(String log) {
        this.log = log;
    }

    /** The number of the last request logged, 0 when none was. */
    long last() {
        long last = 0;
        Matcher request = REQUEST.matcher(log);
        while (request.find()) {
            last = Math.max(last, Long.parseLong(request.group(2)));
        }
        return last;
    }

    /**
     * When the JobManager sent its first and its last pod creation ({@code POST .../pods}) among the requests
     * numbered {@code from} (exclusive) to {@code to} (inclusive), by its log's clock (UTC, as in the pods); empty
     * when it sent none.
     */
    Optional<Instant[]> podCreations(long from, long to) {
        List<Instant> times = new ArrayList<>();
        Matcher request = REQUEST.matcher(log);
        while (request.find()) {
            long number = Long.parseLong(request.group(2));
            boolean podCreation = request.group(3).equals("POST") && request.group(4).endsWith("/pods");
            if (number > from && number <= to && podCreation) {
                times.add(Instant.from(LOG_TIME.parse(request.group(1))));
            }
        }
        return times.isEmpty() ? Optional.empty()
                : Optional.of(new Instant[] {times.get(0), times.get(times.size() - 1)});
    }

    /** Requests numbered {@code from} (exclusive) to {@code to} (inclusive), counted by method and path shape. */
    Map<String, Integer> between(long from, long to) {
        Map<String, Integer> kinds = new TreeMap<>();
        Matcher request = REQUEST.matcher(log);
        while (request.find()) {
            long number = Long.parseLong(request.group(2));
            if (number > from && number <= to) {
                String path = POD_NAME.matcher(request.group(4)).replaceAll("/pods/{name}");
                kinds.merge(request.group(3) + " " + path, 1, Integer::sum);
            }
        }
        return kinds;
    }
}
