package io.podflow.common.config;

/** The JobManager's blob server port, which the JobManager binds and its Service and Deployment expose. */
public final class BlobServerOptions {

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("blob.server.port")
            .intType()
            .defaultValue(6124)
            .withValidator(OptionRule.port())
            .withDescription("Port of the blob server, which serves job jars to TaskManagers; 0 picks a free port.");

    private BlobServerOptions() {
    }
}
