package io.podflow.common.config;

/** TaskManager slots and sizing, read by TaskManagers, the ResourceManager and whoever builds TaskManager pods. */
public final class TaskManagerOptions {

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType()
            .defaultValue(1)
            .withValidator(OptionRule.atLeast(1))
            .withDescription("Number of task slots each TaskManager offers; each slot runs one parallel pipeline.");

    public static final ConfigOption<MemorySize> PROCESS_MEMORY = ConfigOptions.key("taskmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(1728))
            .withDescription("Total memory of a TaskManager process: the container's memory request and limit.");

    private TaskManagerOptions() {
    }
}
