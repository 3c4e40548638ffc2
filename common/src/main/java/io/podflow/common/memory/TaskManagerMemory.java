package io.podflow.common.memory;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.MemorySize;
import io.podflow.common.config.TaskManagerOptions;

/**
 * Splits {@code taskmanager.memory.process.size} as Flink does for a TaskManager, without the managed memory podflow
 * has no use for: JVM overhead (a bounded fraction of the process), metaspace, network memory (a bounded fraction of
 * what those two leave), framework off-heap, and the heap, which is what is left. Network and framework off-heap are
 * the direct memory netty may take. The data plane has no buffer pool of its own to size from the network memory: its
 * buffers come from netty's allocator as needed, bounded per channel by queued buffers and credits, so the network
 * memory bounds them only through the JVM's direct memory limit.
 */
public final class TaskManagerMemory {

    private TaskManagerMemory() {
    }

    /** @throws io.podflow.common.config.IllegalConfigurationException when the parts do not fit the process size */
    public static JvmMemory of(Configuration config) {
        ProcessBudget budget = new ProcessBudget(config, ProcessMemoryOptions.TASK_MANAGER);
        BoundedFraction network = BoundedFraction.read(config, TaskManagerOptions.NETWORK_MEMORY_FRACTION,
                TaskManagerOptions.NETWORK_MEMORY_MIN, TaskManagerOptions.NETWORK_MEMORY_MAX);
        MemorySize networkSize = budget.reserveShare(network, budget.remainingBytes());
        MemorySize frameworkOffHeap = budget.reserve(config, TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY);
        return new JvmMemory(budget.derivedHeap(), config.get(TaskManagerOptions.JVM_METASPACE),
                MemorySize.ofBytes(networkSize.getBytes() + frameworkOffHeap.getBytes()));
    }
}
