package io.podflow.jobmanager.jobmaster;

import io.podflow.common.config.Configuration;
import io.podflow.jobmanager.JobMasterOptions;
import io.podflow.protocol.heartbeat.HeartbeatSettings;

import java.time.Duration;

/** The timing a JobMaster works with: heartbeats to its TaskManagers and how long it waits for slots. */
public record JobMasterSettings(HeartbeatSettings heartbeat, Duration slotRequestTimeout) {

    public static JobMasterSettings from(Configuration config) {
        return new JobMasterSettings(HeartbeatSettings.from(config), config.get(JobMasterOptions.SLOT_REQUEST_TIMEOUT));
    }
}
