package io.podflow.common.config;

/** JobManager sizing and binding, read by the JobManager itself and by whoever builds its pod. */
public final class JobManagerOptions {

    public static final ConfigOption<MemorySize> PROCESS_MEMORY = ConfigOptions.key("jobmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(1600))
            .withDescription("Total memory of the JobManager process: the container's memory request and limit.");

    public static final ConfigOption<MemorySize> HEAP_MEMORY = ConfigOptions.key("jobmanager.memory.heap.size")
            .memoryType()
            .noDefaultValue()
            .withDeprecatedKeys("jobmanager.heap.size")
            .withDeprecatedKey("jobmanager.heap.mb", MemorySize::mebiBytesAsText)
            .withDescription("JVM heap of the JobManager (-Xmx/-Xms); unset leaves the JVM's own choice within the "
                    + "process size.");

    public static final ConfigOption<String> BIND_HOST = ConfigOptions.key("jobmanager.bind-host")
            .stringType()
            .defaultValue("0.0.0.0")
            .withDescription("Address the JobManager's RPC and blob servers bind to; jobmanager.rpc.address is "
                    + "where others reach them.");

    private JobManagerOptions() {
    }
}
