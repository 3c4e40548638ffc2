package io.podflow.kubernetes.spec;

import io.podflow.common.config.BlobServerOptions;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.RestOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed ports the cluster's containers listen on and its Services point at. */
public record ClusterPorts(int rest, int jobManagerRpc, int blob, int taskManagerRpc, int taskManagerData) {

    // these options are declared in podflow-rpc and podflow-taskmanager, which this module does not depend on
    static final String JOBMANAGER_RPC_PORT_KEY = "jobmanager.rpc.port";
    static final String TASKMANAGER_RPC_PORT_KEY = "taskmanager.rpc.port";
    static final String TASKMANAGER_DATA_PORT_KEY = "taskmanager.data.port";

    public static ClusterPorts from(Configuration config) {
        return new ClusterPorts(fixed(config.get(RestOptions.PORT), RestOptions.PORT.key()),
                fixed(intValue(config, JOBMANAGER_RPC_PORT_KEY, 6123), JOBMANAGER_RPC_PORT_KEY),
                fixed(config.get(BlobServerOptions.PORT), BlobServerOptions.PORT.key()),
                fixed(intValue(config, TASKMANAGER_RPC_PORT_KEY, 6122), TASKMANAGER_RPC_PORT_KEY),
                fixed(intValue(config, TASKMANAGER_DATA_PORT_KEY, 6121), TASKMANAGER_DATA_PORT_KEY));
    }

    /** Container ports of the JobManager, by port name. */
    public Map<String, Integer> jobManager() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("rest", rest);
        ports.put("jobmanager-rpc", jobManagerRpc);
        ports.put("blobserver", blob);
        return ports;
    }

    /** Container ports of a TaskManager, by port name (Kubernetes allows at most 15 characters). */
    public Map<String, Integer> taskManager() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("taskmanager-rpc", taskManagerRpc);
        ports.put("data", taskManagerData);
        return ports;
    }

    /** The port settings the containers must use, written into their configuration. */
    Map<String, String> asConfiguration() {
        return Map.of(RestOptions.PORT.key(), String.valueOf(rest), JOBMANAGER_RPC_PORT_KEY,
                String.valueOf(jobManagerRpc), BlobServerOptions.PORT.key(), String.valueOf(blob),
                TASKMANAGER_RPC_PORT_KEY, String.valueOf(taskManagerRpc), TASKMANAGER_DATA_PORT_KEY,
                String.valueOf(taskManagerData));
    }

    private static int intValue(Configuration config, String key, int defaultValue) {
        String raw = config.getString(key, String.valueOf(defaultValue)).trim();
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalConfigurationException(key + ": '" + raw + "' is not an integer", e);
        }
    }

    private static int fixed(int port, String key) {
        if (port < 1 || port > 65535) {
            throw new IllegalConfigurationException(key + ": '" + port + "' is not allowed on Kubernetes (must be a "
                    + "fixed port from 1 to 65535, which the Services point at)");
        }
        return port;
    }
}
