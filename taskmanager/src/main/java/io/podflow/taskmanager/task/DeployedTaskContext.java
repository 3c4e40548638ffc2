package io.podflow.taskmanager.task;

import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.RecordWriter;
import io.podflow.protocol.task.TaskContext;

import java.util.List;
import java.util.Map;

/** The {@link TaskContext} of one deployed subtask. */
record DeployedTaskContext(TaskDeploymentDescriptor deployment, List<RecordReader> inputs,
        List<RecordWriter> outputs, ClassLoader userCodeClassLoader) implements TaskContext {

    @Override
    public String taskName() {
        return deployment.taskName();
    }

    @Override
    public int subtaskIndex() {
        return deployment.subtaskIndex();
    }

    @Override
    public int parallelism() {
        return deployment.parallelism();
    }

    @Override
    public Map<String, String> configuration() {
        return deployment.vertexConfiguration();
    }
}
