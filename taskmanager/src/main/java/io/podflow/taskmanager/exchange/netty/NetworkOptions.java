package io.podflow.taskmanager.exchange.netty;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;
import io.podflow.common.config.OptionRule;

import java.time.Duration;

/** Tuning of the data plane between TaskManagers. */
public final class NetworkOptions {

    public static final ConfigOption<Duration> FLUSH_INTERVAL = ConfigOptions.key("taskmanager.network.flush-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("Longest time a record waits in a partly filled buffer before it is sent, so streams "
                    + "with few records still move.");

    public static final ConfigOption<Duration> PARTITION_REQUEST_TIMEOUT =
            ConfigOptions.key("taskmanager.network.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withValidator(OptionRule.positiveDuration())
                    .withDescription("How long a consumer waits for a producer subtask to be deployed and offer its "
                            + "partition before the consumer fails.");

    private NetworkOptions() {
    }
}
