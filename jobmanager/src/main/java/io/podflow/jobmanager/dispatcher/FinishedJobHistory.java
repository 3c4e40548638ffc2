package io.podflow.jobmanager.dispatcher;

import io.podflow.protocol.job.JobID;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The last {@code capacity} finished jobs, so listings still show them; the oldest is forgotten first. */
final class FinishedJobHistory {

    private final int capacity;
    private final Map<JobID, FinishedJob> jobs = new LinkedHashMap<>();

    FinishedJobHistory(int capacity) {
        this.capacity = capacity;
    }

    void add(FinishedJob job) {
        jobs.put(job.result().jobId(), job);
        while (jobs.size() > capacity) {
            jobs.remove(jobs.keySet().iterator().next());
        }
    }

    Optional<FinishedJob> get(JobID jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    boolean contains(JobID jobId) {
        return jobs.containsKey(jobId);
    }

    /** Newest first. */
    List<FinishedJob> newestFirst() {
        List<FinishedJob> newest = new ArrayList<>(jobs.values());
        Collections.reverse(newest);
        return newest;
    }
}
