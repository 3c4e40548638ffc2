package io.podflow.jobmanager;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;
import io.podflow.common.config.OptionRule;

import java.time.Duration;
import java.util.Set;

/** How a JobMaster restarts failed jobs and waits for slots, and how many finished jobs the Dispatcher keeps. */
public final class JobMasterOptions {

    /** The value of {@link #RESTART_STRATEGY} that never restarts. */
    public static final String RESTART_NONE = "none";

    /** The value of {@link #RESTART_STRATEGY} that restarts a fixed number of times with a pause between. */
    public static final String RESTART_FIXED_DELAY = "fixed-delay";

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy")
            .stringType()
            .defaultValue(RESTART_NONE)
            .withValidator(new OptionRule<>(Set.of(RESTART_NONE, RESTART_FIXED_DELAY)::contains,
                    "one of " + RESTART_NONE + ", " + RESTART_FIXED_DELAY))
            .withDescription("What a job does when a task fails or a TaskManager is lost: 'none' fails the job, "
                    + "'fixed-delay' restarts it up to restart-strategy.fixed-delay.attempts times.");

    public static final ConfigOption<Integer> RESTART_ATTEMPTS = ConfigOptions
            .key("restart-strategy.fixed-delay.attempts")
            .intType()
            .defaultValue(1)
            .withValidator(OptionRule.atLeast(0))
            .withDescription("How many times a job restarts under 'fixed-delay' before it is declared FAILED.");

    public static final ConfigOption<Duration> RESTART_DELAY = ConfigOptions.key("restart-strategy.fixed-delay.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withValidator(new OptionRule<>(delay -> !delay.isNegative(), "0 ms or longer"))
            .withDescription("Pause between a failed job's last task stopping and its restart under 'fixed-delay'.");

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.key("slot.request.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withValidator(OptionRule.positiveDuration())
            .withDescription("How long a job waits for all the slots it asked for before it fails.");

    public static final ConfigOption<Integer> JOBSTORE_MAX_CAPACITY = ConfigOptions.key("jobstore.max-capacity")
            .intType()
            .defaultValue(100)
            .withValidator(OptionRule.atLeast(0))
            .withDescription("How many finished jobs the Dispatcher remembers for listings; the oldest go first.");

    private JobMasterOptions() {
    }
}
