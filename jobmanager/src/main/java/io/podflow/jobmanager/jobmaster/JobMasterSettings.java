package io.podflow.jobmanager.jobmaster;

import io.podflow.common.config.Configuration;
import io.podflow.jobmanager.JobMasterOptions;
import io.podflow.jobmanager.jobmaster.restart.RestartStrategy;
import io.podflow.protocol.heartbeat.HeartbeatSettings;
import io.podflow.protocol.job.JobGraph;

import java.time.Duration;

/** How one JobMaster works: heartbeats to its TaskManagers, how long it waits for slots, how it restarts. */
public record JobMasterSettings(HeartbeatSettings heartbeat, Duration slotRequestTimeout,
        RestartStrategy restartStrategy) {

    /**
     * The settings for {@code jobGraph}: its own configuration overrides the cluster's (e.g. its restart
     * strategy). Throws {@code IllegalConfigurationException} for a bad value, before any endpoint exists.
     */
    public static JobMasterSettings forJob(Configuration clusterConfig, JobGraph jobGraph) {
        Configuration config = clusterConfig.copy();
        jobGraph.configuration().forEach(config::setString);
        return new JobMasterSettings(HeartbeatSettings.from(config), config.get(JobMasterOptions.SLOT_REQUEST_TIMEOUT),
                RestartStrategy.fromConfiguration(config));
    }
}
