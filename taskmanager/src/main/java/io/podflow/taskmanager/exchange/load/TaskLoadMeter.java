package io.podflow.taskmanager.exchange.load;

import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.TaskLoad;

/**
 * How one attempt spends its time: back-pressured while its writers wait for consumers to free buffers, idle while
 * its readers wait for input, busy otherwise. Each {@link #sample} reports the shares of the interval since the
 * previous sample; the task thread and the data plane feed the clocks, one sampler reads them.
 */
public final class TaskLoadMeter {

    private final ExecutionAttemptID attemptId;
    private final JobID jobId;
    private final long startNanos;
    private final WaitClock backPressure = new WaitClock();
    private final WaitClock idle = new WaitClock();
    private long sampledNanos;
    private long backPressuredAtSample;
    private long idleAtSample;

    public TaskLoadMeter(ExecutionAttemptID attemptId, JobID jobId, long startNanos) {
        this.attemptId = attemptId;
        this.jobId = jobId;
        this.startNanos = startNanos;
        this.sampledNanos = startNanos;
    }

    public JobID jobId() {
        return jobId;
    }

    /** The wait for consumers to free buffers. */
    public WaitClock backPressure() {
        return backPressure;
    }

    /** The wait for input. */
    public WaitClock idle() {
        return idle;
    }

    /** The shares of the time since the previous sample (or the start) at {@code nowNanos}, and the totals. */
    public synchronized TaskLoad sample(long nowNanos, long nowEpochMillis) {
        long backPressured = backPressure.waitedUntil(nowNanos);
        long idled = idle.waitedUntil(nowNanos);
        long interval = nowNanos - sampledNanos;
        double backPressuredRatio = share(backPressured - backPressuredAtSample, interval);
        double idleRatio = Math.min(share(idled - idleAtSample, interval), 1 - backPressuredRatio);
        sampledNanos = nowNanos;
        backPressuredAtSample = backPressured;
        idleAtSample = idled;
        long elapsed = Math.max(0, nowNanos - startNanos);
        long backPressuredMillis = Math.min(backPressured, elapsed) / 1_000_000;
        long idleMillis = Math.min(idled, elapsed - Math.min(backPressured, elapsed)) / 1_000_000;
        return new TaskLoad(attemptId, nowEpochMillis, backPressuredRatio, idleRatio,
                1 - backPressuredRatio - idleRatio, backPressuredMillis, idleMillis,
                elapsed / 1_000_000 - backPressuredMillis - idleMillis);
    }

    private static double share(long waited, long interval) {
        return interval <= 0 ? 0 : Math.max(0, Math.min(1, (double) waited / interval));
    }
}
