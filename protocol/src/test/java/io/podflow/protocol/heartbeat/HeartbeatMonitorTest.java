package io.podflow.protocol.heartbeat;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatMonitorTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private final HeartbeatMonitor<String> monitor = new HeartbeatMonitor<>(Duration.ofSeconds(10));

    @Test
    void onlyPeersSilentLongerThanTheTimeoutAreTakenAndOnlyOnce() {
        monitor.monitor("tm-1", 0);
        monitor.monitor("tm-2", 0);
        monitor.monitor("tm-3", 5 * SECOND);
        assertTrue(monitor.heardFrom("tm-2", 8 * SECOND));

        assertEquals(List.of(), monitor.takeTimedOut(10 * SECOND));
        assertEquals(List.of("tm-1"), monitor.takeTimedOut(11 * SECOND));
        assertEquals(List.of(), monitor.takeTimedOut(11 * SECOND));
        assertEquals(List.of("tm-2", "tm-3"), monitor.takeTimedOut(19 * SECOND));
        assertEquals(Set.of(), monitor.peers());
    }

    @Test
    void heartbeatFromAnUnmonitoredPeerIsIgnored() {
        assertFalse(monitor.heardFrom("stranger", 0));
        monitor.monitor("tm-1", 0);
        monitor.stopMonitoring("tm-1");
        assertFalse(monitor.heardFrom("tm-1", SECOND));
        assertEquals(-1, monitor.millisSinceHeard("tm-1", SECOND));
    }

    @Test
    void lateDeliveredOlderReadingDoesNotMoveTheClockBack() {
        monitor.monitor("tm-1", 5 * SECOND);
        monitor.heardFrom("tm-1", 3 * SECOND);
        assertEquals(2000, monitor.millisSinceHeard("tm-1", 7 * SECOND));
    }

    @Test
    void settingsNeedATimeoutLongerThanTheInterval() {
        Configuration config = new Configuration()
                .set(HeartbeatOptions.INTERVAL, Duration.ofSeconds(5))
                .set(HeartbeatOptions.TIMEOUT, Duration.ofSeconds(5));
        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> HeartbeatSettings.from(config));
        assertEquals("heartbeat.timeout (PT5S) must be longer than heartbeat.interval (PT5S)", error.getMessage());
        assertEquals(new HeartbeatSettings(Duration.ofSeconds(10), Duration.ofSeconds(50)),
                HeartbeatSettings.from(new Configuration()));
    }
}
