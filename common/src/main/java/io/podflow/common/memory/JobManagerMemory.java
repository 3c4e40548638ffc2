package io.podflow.common.memory;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.JobManagerOptions;
import io.podflow.common.config.MemorySize;

/**
 * Splits {@code jobmanager.memory.process.size} as Flink does for a JobManager: JVM overhead (a bounded fraction of
 * the process), metaspace, off-heap (netty's direct memory), and the heap, which is set or else what is left.
 */
public final class JobManagerMemory {

    private JobManagerMemory() {
    }

    /** @throws io.podflow.common.config.IllegalConfigurationException when the parts do not fit the process size */
    public static JvmMemory of(Configuration config) {
        ProcessBudget budget = new ProcessBudget(config, ProcessMemoryOptions.JOB_MANAGER);
        MemorySize offHeap = budget.reserve(config, JobManagerOptions.OFF_HEAP_MEMORY);
        MemorySize heap = config.contains(JobManagerOptions.HEAP_MEMORY)
                ? budget.explicitHeap(config, JobManagerOptions.HEAP_MEMORY)
                : budget.derivedHeap();
        return new JvmMemory(heap, config.get(JobManagerOptions.JVM_METASPACE), offHeap);
    }
}
