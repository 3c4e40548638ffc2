package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobStatus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One job as {@code GET /jobs/overview} lists it: times in epoch milliseconds ({@code end-time} -1 while running,
 * {@code duration} up to now for a running job) and its subtasks counted per state, plus their total.
 */
record JobOverview(
        String jid,
        String name,
        JobStatus state,
        @JsonProperty("start-time") long startTime,
        @JsonProperty("end-time") long endTime,
        long duration,
        Map<String, Integer> tasks) {

    static JobOverview of(JobDetails job, long now) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        tasks.put("total", job.tasksPerState().values().stream().mapToInt(Integer::intValue).sum());
        for (ExecutionState state : ExecutionState.values()) {
            tasks.put(state.name().toLowerCase(Locale.ROOT), job.tasksPerState().getOrDefault(state, 0));
        }
        return new JobOverview(job.jobId().toString(), job.name(), job.status(), job.startTimeEpochMillis(),
                job.endTimeEpochMillis(), duration(job, now), tasks);
    }

    static long duration(JobDetails job, long now) {
        long end = job.endTimeEpochMillis() < 0 ? now : job.endTimeEpochMillis();
        return Math.max(0, end - job.startTimeEpochMillis());
    }
}
