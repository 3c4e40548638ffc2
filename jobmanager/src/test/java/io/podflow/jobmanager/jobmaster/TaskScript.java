package io.podflow.jobmanager.jobmaster;

import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;

/** How a {@link FakeTaskExecutor} plays a deployed task: the state it ends in, or RUNNING to keep it running. */
@FunctionalInterface
public interface TaskScript {

    TaskScript FINISH = deployment -> ExecutionState.FINISHED;

    TaskScript KEEP_RUNNING = deployment -> ExecutionState.RUNNING;

    ExecutionState outcome(TaskDeploymentDescriptor deployment);
}
