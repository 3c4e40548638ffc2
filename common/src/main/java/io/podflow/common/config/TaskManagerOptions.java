package io.podflow.common.config;

import java.time.Duration;

/** TaskManager identity, slots, sizing and task runtime; read by TaskManagers, the ResourceManager and pod builders. */
public final class TaskManagerOptions {

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType()
            .defaultValue(1)
            .withValidator(OptionRule.atLeast(1))
            .withDescription("Number of task slots each TaskManager offers; each slot runs one parallel pipeline.");

    public static final ConfigOption<MemorySize> PROCESS_MEMORY = ConfigOptions.key("taskmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(1728))
            // Flink reads its legacy heap keys as the process size of a containerized TaskManager; podflow has no
            // separate size for the memory inside the JVM that a standalone Flink maps them to
            .withDeprecatedKeys("taskmanager.heap.size")
            .withDeprecatedKey("taskmanager.heap.mb", MemorySize::mebiBytesAsText)
            .withDescription("Total memory of a TaskManager process: the container's memory request and limit, "
                    + "split into JVM heap, network memory, framework off-heap, metaspace and JVM overhead. Its JVM "
                    + "heap (-Xmx and -Xms) is what is left after the others.");

    public static final ConfigOption<MemorySize> FRAMEWORK_OFF_HEAP_MEMORY =
            ConfigOptions.key("taskmanager.memory.framework.off-heap.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(128))
                    .withDescription("Direct memory of a TaskManager for its RPC; with the network memory it makes "
                            + "-XX:MaxDirectMemorySize.");

    public static final ConfigOption<Double> NETWORK_MEMORY_FRACTION =
            ConfigOptions.key("taskmanager.memory.network.fraction")
                    .doubleType()
                    .defaultValue(0.1)
                    .withValidator(OptionRule.fraction())
                    .withDescription("Share of the process size less metaspace and JVM overhead that the data "
                            + "plane's netty buffers may take as direct memory, bounded by "
                            + "taskmanager.memory.network.min and .max.");

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MIN =
            ConfigOptions.key("taskmanager.memory.network.min")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(64))
                    .withDescription("Least network memory of a TaskManager, whatever its fraction gives.");

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MAX =
            ConfigOptions.key("taskmanager.memory.network.max")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(1024))
                    .withDescription("Most network memory of a TaskManager, whatever its fraction gives.");

    public static final ConfigOption<MemorySize> JVM_METASPACE =
            ConfigOptions.key("taskmanager.memory.jvm-metaspace.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(256))
                    .withDescription("Metaspace of a TaskManager's JVM (-XX:MaxMetaspaceSize), where classes, "
                            + "including those of job jars, live.");

    public static final ConfigOption<Double> JVM_OVERHEAD_FRACTION =
            ConfigOptions.key("taskmanager.memory.jvm-overhead.fraction")
                    .doubleType()
                    .defaultValue(0.1)
                    .withValidator(OptionRule.fraction())
                    .withDescription("Share of the process size kept for the JVM's own native memory (thread "
                            + "stacks, code cache, GC), bounded by taskmanager.memory.jvm-overhead.min and .max.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN =
            ConfigOptions.key("taskmanager.memory.jvm-overhead.min")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(192))
                    .withDescription("Least JVM overhead of a TaskManager, whatever its fraction gives.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX =
            ConfigOptions.key("taskmanager.memory.jvm-overhead.max")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(1024))
                    .withDescription("Most JVM overhead of a TaskManager, whatever its fraction gives.");

    public static final ConfigOption<String> RESOURCE_ID = ConfigOptions.key("taskmanager.resource-id")
            .stringType()
            .noDefaultValue()
            .withDescription("Id the TaskManager registers with. In Kubernetes it is the pod name, which the "
                    + "ResourceManager checks against the pods it created; unset, it is derived from the host name "
                    + "and RPC port.");

    public static final ConfigOption<String> HOST = ConfigOptions.key("taskmanager.host")
            .stringType()
            .noDefaultValue()
            .withDescription("Host name or IP the TaskManager advertises for RPC and data; unset, the POD_IP "
                    + "environment variable if set, else the local host address.");

    public static final ConfigOption<String> BIND_HOST = ConfigOptions.key("taskmanager.bind-host")
            .stringType()
            .defaultValue("0.0.0.0")
            .withDescription("Address the TaskManager's RPC service binds to; taskmanager.host is where others "
                    + "reach it.");

    public static final ConfigOption<Integer> DATA_PORT = ConfigOptions.key("taskmanager.data.port")
            .intType()
            .defaultValue(6121)
            .withValidator(OptionRule.atLeast(0))
            .withDescription("Port of the TaskManager's data plane, where other TaskManagers send records; 0 picks "
                    + "a free port.");

    public static final ConfigOption<Duration> CANCELLATION_TIMEOUT = ConfigOptions.key("task.cancellation.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(180))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("How long a cancelled task may take to stop after its thread is interrupted before the "
                    + "TaskManager declares itself broken and exits.");

    public static final ConfigOption<Duration> REGISTRATION_INITIAL_BACKOFF =
            ConfigOptions.key("cluster.registration.initial-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMillis(100))
                    .withValidator(OptionRule.positiveDuration())
                    .withDescription("Pause before a TaskManager's second attempt to register with the "
                            + "ResourceManager; it doubles after each failed attempt.");

    public static final ConfigOption<Duration> REGISTRATION_MAX_BACKOFF =
            ConfigOptions.key("cluster.registration.max-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withValidator(OptionRule.positiveDuration())
                    .withDescription("Longest pause between a TaskManager's attempts to register with the "
                            + "ResourceManager.");

    private TaskManagerOptions() {
    }
}
