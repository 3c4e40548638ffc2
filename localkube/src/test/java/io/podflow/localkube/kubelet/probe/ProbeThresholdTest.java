package io.podflow.localkube.kubelet.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeThresholdTest {

    @Test
    void readinessTurnsOnAfterSuccessesAndOffAfterConsecutiveFailures() {
        ProbeThreshold readiness = new ProbeThreshold(1, 2, false);

        assertEquals(Optional.of(true), readiness.record(true));
        assertEquals(Optional.empty(), readiness.record(true));
        assertEquals(Optional.empty(), readiness.record(false));
        assertEquals(Optional.empty(), readiness.record(true));
        assertEquals(Optional.empty(), readiness.record(false));
        assertEquals(Optional.of(false), readiness.record(false));
        assertEquals(Optional.empty(), readiness.record(false));
    }

    @Test
    void livenessReportsOnlyTheFailureThatCrossesTheThreshold() {
        ProbeThreshold liveness = new ProbeThreshold(1, 3, true);

        assertEquals(Optional.empty(), liveness.record(true));
        assertEquals(Optional.empty(), liveness.record(false));
        assertEquals(Optional.empty(), liveness.record(false));
        assertEquals(Optional.of(false), liveness.record(false));
        assertEquals(Optional.empty(), liveness.record(false));
    }
}
