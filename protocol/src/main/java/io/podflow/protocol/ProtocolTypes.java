package io.podflow.protocol;

import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobEdge;
import io.podflow.protocol.job.JobExceptionInfo;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.job.SubtaskDetails;
import io.podflow.protocol.job.TaskLoad;

/**
 * Every type the JobManager and TaskManagers exchange, for {@code RpcService.Builder#registerTypes(ProtocolTypes.ALL)}.
 * A type added to a gateway signature must be added here too, or connecting to the gateway fails.
 */
public final class ProtocolTypes {

    private static final Class<?>[] TYPES = {
        ResourceID.class, AllocationID.class, JobMasterId.class, SlotID.class, SlotStatus.class, SlotReport.class,
        SlotOffer.class, TaskManagerLocation.class, ExecutionState.class, TaskExecutionState.class,
        RegistrationResponse.class, TaskExecutorRegistration.class, TaskManagerInfo.class,
        TaskDeploymentDescriptor.class, TaskInput.class, TaskOutput.class, TaskPeer.class,
        JobID.class, JobVertexID.class, ExecutionAttemptID.class, JobGraph.class, JobVertex.class, JobEdge.class,
        Partitioning.class, JobStatus.class, JobDetails.class, JobResult.class,
        JobVertexDetails.class, SubtaskDetails.class, JobExceptionInfo.class, TaskLoad.class,
    };

    private ProtocolTypes() {
    }

    /** A fresh copy of the list, so no caller can change what others register. */
    public static Class<?>[] all() {
        return TYPES.clone();
    }
}
