package io.podflow.common.config;

/** JobManager sizing and binding, read by the JobManager itself and by whoever builds its pod. */
public final class JobManagerOptions {

    public static final ConfigOption<MemorySize> PROCESS_MEMORY = ConfigOptions.key("jobmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(1600))
            .withDescription("Total memory of the JobManager process: the container's memory request and limit, "
                    + "split into JVM heap, off-heap, metaspace and JVM overhead.");

    public static final ConfigOption<MemorySize> HEAP_MEMORY = ConfigOptions.key("jobmanager.memory.heap.size")
            .memoryType()
            .noDefaultValue()
            .withDeprecatedKeys("jobmanager.heap.size")
            .withDeprecatedKey("jobmanager.heap.mb", MemorySize::mebiBytesAsText)
            .withDescription("JVM heap of the JobManager (-Xmx and -Xms). Unset, what the process size leaves after "
                    + "off-heap, metaspace and JVM overhead; set, those must fit beside it in the process size.");

    public static final ConfigOption<MemorySize> OFF_HEAP_MEMORY = ConfigOptions.key("jobmanager.memory.off-heap.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(128))
            .withDescription("Direct memory of the JobManager (-XX:MaxDirectMemorySize), which netty uses for RPC, "
                    + "blob transfers and REST.");

    public static final ConfigOption<MemorySize> JVM_METASPACE =
            ConfigOptions.key("jobmanager.memory.jvm-metaspace.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(256))
                    .withDescription("Metaspace of the JobManager's JVM (-XX:MaxMetaspaceSize), where classes, "
                            + "including those of job jars, live.");

    public static final ConfigOption<Double> JVM_OVERHEAD_FRACTION =
            ConfigOptions.key("jobmanager.memory.jvm-overhead.fraction")
                    .doubleType()
                    .defaultValue(0.1)
                    .withValidator(OptionRule.fraction())
                    .withDescription("Share of the process size kept for the JVM's own native memory (thread "
                            + "stacks, code cache, GC), bounded by jobmanager.memory.jvm-overhead.min and .max.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN =
            ConfigOptions.key("jobmanager.memory.jvm-overhead.min")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(192))
                    .withDescription("Least JVM overhead of the JobManager, whatever its fraction gives.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX =
            ConfigOptions.key("jobmanager.memory.jvm-overhead.max")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(1024))
                    .withDescription("Most JVM overhead of the JobManager, whatever its fraction gives.");

    public static final ConfigOption<String> BIND_HOST = ConfigOptions.key("jobmanager.bind-host")
            .stringType()
            .defaultValue("0.0.0.0")
            .withDescription("Address the JobManager's RPC and blob servers bind to; jobmanager.rpc.address is "
                    + "where others reach them.");

    private JobManagerOptions() {
    }
}
