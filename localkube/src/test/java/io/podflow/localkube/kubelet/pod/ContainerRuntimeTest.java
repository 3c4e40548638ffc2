package io.podflow.localkube.kubelet.pod;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContainerRuntimeTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final ContainerRuntime container = new ContainerRuntime("main", "flink:1.17", "ContainerCreating");

    @Test
    void aContainerMissingItsConfigMapIsDueAsSoonAsSomeConfigChanges() {
        container.launching();
        container.failedToStart(ContainerRuntime.CONFIG_ERROR, "configmap \"flink-config-demo\" not found",
                now.plusSeconds(2));
        assertFalse(container.isDueToStart(now));

        container.configChanged(now);

        assertTrue(container.isDueToStart(now));
    }

    @Test
    void otherWaitsKeepTheirTime() {
        container.failedToStart("RunContainerError", "cannot start", now.plusSeconds(2));
        container.configChanged(now);
        assertFalse(container.isDueToStart(now), "a start that failed for another reason");

        ContainerRuntime crashed = new ContainerRuntime("main", "flink:1.17", "ContainerCreating");
        crashed.started(null, now.minusSeconds(1));
        crashed.exited(1, "Error", now, now.plusSeconds(10));
        crashed.configChanged(now);
        assertFalse(crashed.isDueToStart(now), "a container in its crash back-off");
    }

    @Test
    void aContainerBeingStartedIsNotDue() {
        container.launching();
        assertFalse(container.isDueToStart(now));
    }
}
