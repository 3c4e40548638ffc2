package io.podflow.bench.nativesession;

import java.util.Map;

/**
 * One native round: its times, the milliseconds until {@code flink run -d} had submitted and exited, until the
 * JobManager sent its first and its last pod creation (by its log's clock), the steps of its TaskManagers' start (by
 * their logs), and the Kubernetes API requests it made until all tasks were RUNNING and until its TaskManagers were
 * released.
 */
record NativeRound(RoundTimes times, double submitted, double firstPodCreate, double lastPodCreate,
        TaskManagerLogs taskManagers,
        long requestsUntilRunning, long requestsUntilReleased,
        Map<String, Integer> requestKinds) {
}
