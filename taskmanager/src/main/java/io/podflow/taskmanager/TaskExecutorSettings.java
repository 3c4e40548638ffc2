package io.podflow.taskmanager;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.TaskManagerOptions;
import io.podflow.protocol.HexUuid;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.heartbeat.HeartbeatSettings;
import io.podflow.rpc.RpcAddress;
import io.podflow.rpc.RpcOptions;

import java.time.Duration;
import java.util.UUID;

/** What a TaskExecutor needs from the configuration, read and checked once. */
public record TaskExecutorSettings(
        ResourceID resourceId,
        String resourceManagerAddress,
        int numberOfSlots,
        String dataHost,
        int dataPort,
        HeartbeatSettings heartbeats,
        Duration registrationInitialBackoff,
        Duration registrationMaxBackoff,
        Duration cancellationTimeout) {

    /**
     * Reads the settings; {@code advertisedHost} and {@code rpcPort} are where this TaskManager's RPC service
     * listens, used for the data host and, when {@code taskmanager.resource-id} is unset, the resource id.
     */
    public static TaskExecutorSettings from(Configuration config, String advertisedHost, int rpcPort) {
        String jobManagerHost = config.get(RpcOptions.JOBMANAGER_ADDRESS);
        if (jobManagerHost == null || jobManagerHost.isBlank()) {
            throw new IllegalConfigurationException(RpcOptions.JOBMANAGER_ADDRESS.key() + " is not set: a "
                    + "TaskManager finds the JobManager by it, so set it to the JobManager's host name or IP");
        }
        String resourceManager = new RpcAddress(jobManagerHost, config.get(RpcOptions.JOBMANAGER_PORT),
                ResourceManagerGateway.ENDPOINT_NAME).toString();
        String configuredId = config.get(TaskManagerOptions.RESOURCE_ID);
        ResourceID resourceId = configuredId == null || configuredId.isBlank()
                ? ResourceID.of(advertisedHost + ":" + rpcPort + "-"
                        + HexUuid.format(UUID.randomUUID()).substring(0, 6))
                : ResourceID.of(configuredId);
        String dataHost = config.get(TaskManagerOptions.HOST);
        return new TaskExecutorSettings(resourceId, resourceManager, config.get(TaskManagerOptions.NUM_TASK_SLOTS),
                dataHost == null || dataHost.isBlank() ? advertisedHost : dataHost,
                config.get(TaskManagerOptions.DATA_PORT), HeartbeatSettings.from(config),
                config.get(TaskManagerOptions.REGISTRATION_INITIAL_BACKOFF),
                config.get(TaskManagerOptions.REGISTRATION_MAX_BACKOFF),
                config.get(TaskManagerOptions.CANCELLATION_TIMEOUT));
    }

    /** A copy advertising the port the data plane actually bound, which differs when the option asks for port 0. */
    public TaskExecutorSettings withDataPort(int boundDataPort) {
        return new TaskExecutorSettings(resourceId, resourceManagerAddress, numberOfSlots, dataHost, boundDataPort,
                heartbeats, registrationInitialBackoff, registrationMaxBackoff, cancellationTimeout);
    }
}
