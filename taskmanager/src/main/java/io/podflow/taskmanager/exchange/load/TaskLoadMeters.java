package io.podflow.taskmanager.exchange.load;

import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.TaskLoad;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The load meter of every attempt whose inputs or outputs a data exchange opened, until its job is reset. */
public final class TaskLoadMeters {

    private final Map<ExecutionAttemptID, TaskLoadMeter> meters = new ConcurrentHashMap<>();

    /** The attempt's meter, started now if it has none yet. */
    public TaskLoadMeter of(ExecutionAttemptID attemptId, JobID jobId) {
        return meters.computeIfAbsent(attemptId, id -> new TaskLoadMeter(id, jobId, System.nanoTime()));
    }

    /** The attempt's load since the previous sample; empty if it opened no input or output. */
    public Optional<TaskLoad> sample(ExecutionAttemptID attemptId) {
        return Optional.ofNullable(meters.get(attemptId))
                .map(meter -> meter.sample(System.nanoTime(), System.currentTimeMillis()));
    }

    public void resetJob(JobID jobId) {
        meters.values().removeIf(meter -> meter.jobId().equals(jobId));
    }
}
