package io.podflow.common.memory;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.JobManagerOptions;
import io.podflow.common.config.MemorySize;
import io.podflow.common.config.TaskManagerOptions;

/** The options of a role that every podflow JVM's process size is split by: JVM overhead and metaspace. */
record ProcessMemoryOptions(ConfigOption<MemorySize> processSize, ConfigOption<Double> overheadFraction,
        ConfigOption<MemorySize> overheadMin, ConfigOption<MemorySize> overheadMax,
        ConfigOption<MemorySize> metaspace) {

    static final ProcessMemoryOptions JOB_MANAGER = new ProcessMemoryOptions(JobManagerOptions.PROCESS_MEMORY,
            JobManagerOptions.JVM_OVERHEAD_FRACTION, JobManagerOptions.JVM_OVERHEAD_MIN,
            JobManagerOptions.JVM_OVERHEAD_MAX, JobManagerOptions.JVM_METASPACE);

    static final ProcessMemoryOptions TASK_MANAGER = new ProcessMemoryOptions(TaskManagerOptions.PROCESS_MEMORY,
            TaskManagerOptions.JVM_OVERHEAD_FRACTION, TaskManagerOptions.JVM_OVERHEAD_MIN,
            TaskManagerOptions.JVM_OVERHEAD_MAX, TaskManagerOptions.JVM_METASPACE);
}
