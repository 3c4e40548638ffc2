package io.podflow.taskmanager.task;

import io.podflow.common.metrics.Counter;
import io.podflow.common.metrics.MetricGroup;
import io.podflow.common.metrics.PublishedGauge;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.RecordWriter;

import java.util.Map;

/**
 * One task attempt's metrics under Flink's names: records read and written (counted by its thread) and how it spent
 * its time, published by the TaskExecutor whenever it samples the attempt's load for a JobMaster heartbeat.
 */
public final class TaskMetrics implements AutoCloseable {

    private final MetricGroup group;
    private final Counter recordsIn;
    private final Counter recordsOut;
    private final PublishedGauge busy;
    private final PublishedGauge idle;
    private final PublishedGauge backPressured;

    private TaskMetrics(MetricGroup group) {
        this.group = group;
        this.recordsIn = group.counter("numRecordsIn");
        this.recordsOut = group.counter("numRecordsOut");
        this.busy = group.publishedGauge("busyTimeMsPerSecond");
        this.idle = group.publishedGauge("idleTimeMsPerSecond");
        this.backPressured = group.publishedGauge("backPressuredTimeMsPerSecond");
    }

    /** The attempt's metrics in the TaskManager's group, told apart by job, task, subtask and attempt. */
    public static TaskMetrics of(MetricGroup taskManager, TaskDeploymentDescriptor deployment) {
        return new TaskMetrics(taskManager.addGroup("job", Map.of("job_id", deployment.jobId().toString()))
                .addGroup("task", Map.of("task_name", deployment.taskName(),
                        "subtask_index", Integer.toString(deployment.subtaskIndex()),
                        "task_attempt_id", deployment.attemptId().toString())));
    }

    /** The shares of the last sampled interval, as milliseconds per second. */
    public void publish(TaskLoad load) {
        busy.set(load.busyRatio() * 1000);
        idle.set(load.idleRatio() * 1000);
        backPressured.set(load.backPressuredRatio() * 1000);
    }

    RecordReader countedReader(RecordReader reader) {
        return () -> {
            byte[] record = reader.next();
            if (record != null) {
                recordsIn.inc();
            }
            return record;
        };
    }

    RecordWriter countedWriter(RecordWriter writer) {
        return new RecordWriter() {
            @Override
            public void emit(byte[] record) throws InterruptedException {
                writer.emit(record);
                recordsOut.inc();
            }

            @Override
            public void emit(byte[] record, int keyHash) throws InterruptedException {
                writer.emit(record, keyHash);
                recordsOut.inc();
            }
        };
    }

    @Override
    public void close() {
        group.close();
    }
}
