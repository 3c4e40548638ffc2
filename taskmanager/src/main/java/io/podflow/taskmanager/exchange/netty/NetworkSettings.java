package io.podflow.taskmanager.exchange.netty;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.TaskManagerOptions;
import io.podflow.rpc.RpcOptions;

import java.time.Duration;

/**
 * The data plane's sizes and times. A subpartition holds at most {@code queuedBuffers} sealed buffers plus the one
 * being filled, and a consumer grants {@code credits} buffers per channel, which bounds memory per edge.
 */
public record NetworkSettings(
        String bindHost,
        int port,
        String clusterSecret,
        int bufferBytes,
        int queuedBuffers,
        int credits,
        Duration flushInterval,
        Duration requestTimeout,
        Duration handshakeTimeout) {

    static final int DEFAULT_BUFFER_BYTES = 32 * 1024;
    static final int DEFAULT_QUEUED_BUFFERS = 4;
    static final int DEFAULT_CREDITS = 4;

    public NetworkSettings {
        if (bufferBytes < 64 || queuedBuffers < 1 || credits < 1) {
            throw new IllegalArgumentException("Network buffers must be at least 64 bytes, with at least one queued "
                    + "buffer and one credit per channel");
        }
    }

    /** Reads the data port, bind host, cluster secret, handshake timeout and {@link NetworkOptions}. */
    public static NetworkSettings from(Configuration config) {
        return new NetworkSettings(config.get(TaskManagerOptions.BIND_HOST), config.get(TaskManagerOptions.DATA_PORT),
                config.get(RpcOptions.CLUSTER_SECRET), DEFAULT_BUFFER_BYTES, DEFAULT_QUEUED_BUFFERS, DEFAULT_CREDITS,
                config.get(NetworkOptions.FLUSH_INTERVAL), config.get(NetworkOptions.PARTITION_REQUEST_TIMEOUT),
                config.get(RpcOptions.HANDSHAKE_TIMEOUT));
    }

    /** A copy listening on another port; tests and runners pass 0 for a free one. */
    public NetworkSettings withPort(int newPort) {
        return new NetworkSettings(bindHost, newPort, clusterSecret, bufferBytes, queuedBuffers, credits,
                flushInterval, requestTimeout, handshakeTimeout);
    }
}
