package io.podflow.taskmanager.exchange.netty;

import io.podflow.protocol.job.JobID;

import java.util.concurrent.atomic.AtomicLong;

/** Counts how much of a task's time its writers spent waiting for consumers to free buffers. */
final class BackPressureMeter {

    private final JobID jobId;
    private final long startNanos = System.nanoTime();
    private final AtomicLong waitedNanos = new AtomicLong();

    BackPressureMeter(JobID jobId) {
        this.jobId = jobId;
    }

    JobID jobId() {
        return jobId;
    }

    void waited(long nanos) {
        waitedNanos.addAndGet(nanos);
    }

    /** The share of the time since the task opened its outputs that it waited, from 0 to 1. */
    double ratio() {
        long elapsed = System.nanoTime() - startNanos;
        return elapsed <= 0 ? 0 : Math.min(1.0, (double) waitedNanos.get() / elapsed);
    }
}
