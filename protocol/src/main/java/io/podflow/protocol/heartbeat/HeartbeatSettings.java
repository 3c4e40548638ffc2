package io.podflow.protocol.heartbeat;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;

import java.time.Duration;

/** The heartbeat interval and timeout one endpoint works with; the timeout always exceeds the interval. */
public record HeartbeatSettings(Duration interval, Duration timeout) {

    public HeartbeatSettings {
        if (interval.isNegative() || interval.isZero() || timeout.compareTo(interval) <= 0) {
            throw new IllegalConfigurationException(HeartbeatOptions.TIMEOUT.key() + " (" + timeout
                    + ") must be longer than " + HeartbeatOptions.INTERVAL.key() + " (" + interval + ")");
        }
    }

    public static HeartbeatSettings from(Configuration config) {
        return new HeartbeatSettings(config.get(HeartbeatOptions.INTERVAL), config.get(HeartbeatOptions.TIMEOUT));
    }
}
