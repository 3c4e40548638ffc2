package io.podflow.common.config;

/** Stands in for the rpc module's options, which common's tests cannot see, so the seed file has no unknown keys. */
public final class StandInRpcOptions {

    public static final ConfigOption<String> ADDRESS = ConfigOptions.key("jobmanager.rpc.address")
            .stringType().noDefaultValue();
    public static final ConfigOption<Integer> JOBMANAGER_PORT = ConfigOptions.key("jobmanager.rpc.port")
            .intType().defaultValue(6123);
    public static final ConfigOption<Integer> TASKMANAGER_PORT = ConfigOptions.key("taskmanager.rpc.port")
            .intType().defaultValue(6122);

    private StandInRpcOptions() {
    }
}
