package io.podflow.rpc;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;
import io.podflow.common.config.MemorySize;

import java.time.Duration;

/** Configuration of the RPC layer. */
public final class RpcOptions {

    public static final ConfigOption<Duration> ASK_TIMEOUT = ConfigOptions.key("rpc.ask.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How long an RPC ask waits for its answer unless the call passes its own timeout.");

    public static final ConfigOption<MemorySize> FRAME_MAX_SIZE = ConfigOptions.key("rpc.frame.max-size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(10))
            .withDescription("Largest RPC message, sent or received. A larger message fails its call; "
                    + "a peer sending one is disconnected.");

    public static final ConfigOption<Duration> HANDSHAKE_TIMEOUT = ConfigOptions.key("rpc.handshake.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How long a new RPC connection may take to prove knowledge of the cluster secret "
                    + "before it is closed.");

    public static final ConfigOption<String> CLUSTER_SECRET = ConfigOptions.key("cluster.secret")
            .stringType()
            .noDefaultValue()
            .withDescription("Shared secret every RPC connection proves knowledge of (HMAC-SHA256 challenge "
                    + "and response). Required. A JobManager or TaskManager also takes it from the environment "
                    + "variable PODFLOW_CLUSTER_SECRET (e.g. from a Kubernetes Secret), which -D overrides; "
                    + "unlike a -D argument, it is not shown by ps.");

    public static final ConfigOption<String> JOBMANAGER_ADDRESS = ConfigOptions.key("jobmanager.rpc.address")
            .stringType()
            .noDefaultValue()
            .withDescription("Host name or IP of the JobManager's RPC service.");

    public static final ConfigOption<Integer> JOBMANAGER_PORT = ConfigOptions.key("jobmanager.rpc.port")
            .intType()
            .defaultValue(6123)
            .withDescription("Port of the JobManager's RPC service.");

    public static final ConfigOption<Integer> TASKMANAGER_PORT = ConfigOptions.key("taskmanager.rpc.port")
            .intType()
            .defaultValue(6122)
            .withDescription("Port of a TaskManager's RPC service; 0 picks a free port.");

    private RpcOptions() {
    }
}
