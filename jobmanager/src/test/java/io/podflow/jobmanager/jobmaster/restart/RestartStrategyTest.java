package io.podflow.jobmanager.jobmaster.restart;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.jobmanager.JobMasterOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** restart-strategy: none never restarts; fixed-delay restarts its number of attempts, each after its delay. */
class RestartStrategyTest {

    @Test
    void noneIsTheDefaultAndNeverRestarts() {
        RestartStrategy strategy = RestartStrategy.fromConfiguration(new Configuration());

        assertInstanceOf(NoRestartStrategy.class, strategy);
        assertFalse(strategy.tryRestart());
    }

    @Test
    void fixedDelayFromConfigurationRestartsItsAttemptsThenStops() {
        RestartStrategy strategy = RestartStrategy.fromConfiguration(Configuration.fromMap(Map.of(
                "restart-strategy", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "2",
                "restart-strategy.fixed-delay.delay", "250 ms")));

        assertEquals(Duration.ofMillis(250), strategy.delay());
        assertTrue(strategy.tryRestart());
        assertTrue(strategy.tryRestart());
        assertFalse(strategy.tryRestart());
        assertFalse(strategy.tryRestart());
        assertTrue(strategy.exhaustedReason().contains("allowed 2 restart(s)"), strategy.exhaustedReason());
    }

    @Test
    void zeroAttemptsMeansNoRestart() {
        assertFalse(new FixedDelayRestartStrategy(0, Duration.ZERO).tryRestart());
    }

    @Test
    void anUnknownStrategyIsRefusedWithTheAllowedValues() {
        Configuration config = Configuration.fromMap(Map.of("restart-strategy", "sometimes"));

        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> config.get(JobMasterOptions.RESTART_STRATEGY));
        assertTrue(error.getMessage().contains("none, fixed-delay"), error.getMessage());
    }
}
