package io.podflow.protocol;

/**
 * Where a TaskManager is reached: its resource id, the RPC address of its TaskExecutor
 * ({@code host:port/endpoint}), and the host and port of its data plane.
 */
public record TaskManagerLocation(ResourceID resourceId, String rpcAddress, String dataHost, int dataPort) {

    public TaskManagerLocation {
        if (resourceId == null || rpcAddress == null || dataHost == null) {
            throw new IllegalArgumentException("A TaskManager location needs a resource id, an RPC address and a "
                    + "data host");
        }
    }

    /** {@code dataHost:dataPort}. */
    public String dataAddress() {
        return dataHost + ":" + dataPort;
    }
}
