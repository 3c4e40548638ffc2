package io.podflow.jobmanager.resourcemanager;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.MemorySize;
import io.podflow.common.config.TaskManagerOptions;

/** What one requested worker (TaskManager) looks like: its slots and its process memory. */
public record WorkerSpec(int slots, MemorySize processMemory) {

    public static WorkerSpec from(Configuration config) {
        return new WorkerSpec(config.get(TaskManagerOptions.NUM_TASK_SLOTS),
                config.get(TaskManagerOptions.PROCESS_MEMORY));
    }
}
