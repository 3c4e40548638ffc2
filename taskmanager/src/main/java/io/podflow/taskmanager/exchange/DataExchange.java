package io.podflow.taskmanager.exchange;

import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.protocol.task.RecordReader;

import java.util.Optional;

/**
 * Moves records between subtasks. This is the seam the netty data plane implements for subtasks on different
 * TaskManagers; {@link LocalDataExchange} connects subtasks within one TaskManager.
 */
public interface DataExchange {

    /** A reader of every producer of this input of the deployed task. */
    RecordReader openInput(TaskDeploymentDescriptor task, TaskInput input);

    /** A writer to the consumers of this output of the deployed task, spreading records by the edge's partitioning. */
    PartitionWriter openOutput(TaskDeploymentDescriptor task, TaskOutput output);

    /**
     * How the attempt spent its time since the previous sample: waiting for consumers (back pressure), waiting for
     * input (idle) or working; empty for an attempt that opened no input or output here.
     */
    Optional<TaskLoad> sampleLoad(ExecutionAttemptID attemptId);

    /**
     * Drops whatever the job's channels still hold; called when an attempt of the job failed or was cancelled (the
     * job restarts or ends) and when the job leaves this TaskManager, never while a healthy attempt is running.
     */
    void resetJob(JobID jobId);
}
