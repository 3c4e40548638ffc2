package io.podflow.kubernetes.resourcemanager;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;
import io.podflow.common.config.OptionRule;
import java.time.Duration;

/** How the ResourceManager starts, waits for and releases workers. */
public final class ResourceManagerOptions {

    public static final ConfigOption<Duration> TASKMANAGER_TIMEOUT = ConfigOptions
            .key("resourcemanager.taskmanager-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("How long a TaskManager may hold no allocated slot before it is released (its pod "
                    + "deleted). A bare number is milliseconds.");

    public static final ConfigOption<Duration> TASKMANAGER_REGISTRATION_TIMEOUT = ConfigOptions
            .key("resourcemanager.taskmanager-registration.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("How long a running worker may take to register before it is stopped and replaced.");

    public static final ConfigOption<Double> START_WORKER_MAX_FAILURE_RATE = ConfigOptions
            .key("resourcemanager.start-worker.max-failure-rate")
            .doubleType()
            .defaultValue(10.0)
            .withValidator(rate -> rate > 0, "more than 0")
            .withDescription("Worker start failures per minute after which new workers are only requested every "
                    + "resourcemanager.start-worker.retry-interval.");

    public static final ConfigOption<Duration> START_WORKER_RETRY_INTERVAL = ConfigOptions
            .key("resourcemanager.start-worker.retry-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(3))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("Pause between worker requests once the start failure rate is exceeded.");

    public static final ConfigOption<Duration> PREVIOUS_WORKER_RECOVERY_TIMEOUT = ConfigOptions
            .key("resourcemanager.previous-worker.recovery.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("After a JobManager restart, how long the previous attempt's live TaskManager pods "
                    + "may take to register before they are deleted and new ones requested.");

    private ResourceManagerOptions() {
    }
}
