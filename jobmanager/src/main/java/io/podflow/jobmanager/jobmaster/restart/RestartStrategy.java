package io.podflow.jobmanager.jobmaster.restart;

import io.podflow.common.config.Configuration;
import io.podflow.jobmanager.JobMasterOptions;

import java.time.Duration;

/** Decides, each time a job has failed, whether it restarts and after what pause. */
public interface RestartStrategy {

    /** Whether the job may restart once more; a yes uses up one restart. */
    boolean tryRestart();

    /** The pause before a restart. */
    Duration delay();

    /** Why no restart is left, for the job's failure message, e.g. "restart-strategy is none". */
    String exhaustedReason();

    /** The strategy {@code restart-strategy} and its sub-options select. */
    static RestartStrategy fromConfiguration(Configuration configuration) {
        if (JobMasterOptions.RESTART_FIXED_DELAY.equals(configuration.get(JobMasterOptions.RESTART_STRATEGY))) {
            return new FixedDelayRestartStrategy(configuration.get(JobMasterOptions.RESTART_ATTEMPTS),
                    configuration.get(JobMasterOptions.RESTART_DELAY));
        }
        return new NoRestartStrategy();
    }
}
