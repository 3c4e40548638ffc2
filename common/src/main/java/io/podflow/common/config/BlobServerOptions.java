package io.podflow.common.config;

import java.time.Duration;

/** The JobManager's blob server: its port, which its Service and Deployment expose, and where it keeps blobs. */
public final class BlobServerOptions {

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("blob.server.port")
            .intType()
            .defaultValue(6124)
            .withValidator(OptionRule.port())
            .withDescription("Port of the blob server, which serves job jars to TaskManagers; 0 picks a free port.");

    public static final ConfigOption<String> STORAGE_DIRECTORY = ConfigOptions.key("blob.storage.directory")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory under which the blob server and blob caches keep job jars, each in a fresh "
                    + "sub-directory; unset uses the system temporary directory.");

    public static final ConfigOption<Duration> CLIENT_SOCKET_TIMEOUT = ConfigOptions
            .key("blob.client.socket.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("How long a blob transfer may go without sending or receiving a byte before it fails.");

    private BlobServerOptions() {
    }
}
