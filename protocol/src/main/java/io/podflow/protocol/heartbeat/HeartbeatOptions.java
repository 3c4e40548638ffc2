package io.podflow.protocol.heartbeat;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;
import io.podflow.common.config.OptionRule;

import java.time.Duration;

/** How often the JobManager's components and the TaskManagers check on each other, and when they give up. */
public final class HeartbeatOptions {

    public static final ConfigOption<Duration> INTERVAL = ConfigOptions.key("heartbeat.interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("How often the ResourceManager and JobMasters ask each TaskManager for a heartbeat.");

    public static final ConfigOption<Duration> TIMEOUT = ConfigOptions.key("heartbeat.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(50))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("How long a peer may stay silent before it is declared lost: a TaskManager's slots "
                    + "and tasks fail, a TaskManager re-registers with the JobManager. Must exceed "
                    + "heartbeat.interval.");

    private HeartbeatOptions() {
    }
}
