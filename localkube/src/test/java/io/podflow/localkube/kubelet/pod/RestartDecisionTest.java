package io.podflow.localkube.kubelet.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartDecisionTest {

    private final RestartDecision decision = new RestartDecision(Duration.ofSeconds(10), Duration.ofSeconds(300));

    @Test
    void restartPolicyDecidesWhichExitsRestart() {
        assertTrue(RestartDecision.shouldRestart("Always", 0));
        assertTrue(RestartDecision.shouldRestart(null, 0));
        assertTrue(RestartDecision.shouldRestart("OnFailure", 3));
        assertFalse(RestartDecision.shouldRestart("OnFailure", 0));
        assertFalse(RestartDecision.shouldRestart("Never", 1));
    }

    @Test
    void backoffIsNoneFirstThenDoublesUpToTheMaximum() {
        Duration shortRun = Duration.ofSeconds(1);
        assertEquals(Duration.ZERO, decision.backoff(0, shortRun));
        assertEquals(Duration.ofSeconds(10), decision.backoff(1, shortRun));
        assertEquals(Duration.ofSeconds(20), decision.backoff(2, shortRun));
        assertEquals(Duration.ofSeconds(160), decision.backoff(5, shortRun));
        assertEquals(Duration.ofSeconds(300), decision.backoff(6, shortRun));
        assertEquals(Duration.ofSeconds(300), decision.backoff(60, shortRun));
    }

    @Test
    void aLongHealthyRunResetsTheBackoff() {
        assertEquals(Duration.ZERO, decision.backoff(7, Duration.ofMinutes(10)));
    }
}
