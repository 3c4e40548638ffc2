package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.spec.JobManagerSpecFactory.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestReadinessProbeStepTest {

    @Test
    void probesTheRestPortOverTcp() {
        Container container = new RestReadinessProbeStep(8081).apply(PodDraft.empty()).build().getSpec()
                .getContainers().get(0);

        Probe probe = container.getReadinessProbe();
        assertEquals(8081, probe.getTcpSocket().getPort().getIntVal());
        assertNull(probe.getHttpGet());
        assertNull(probe.getExec());
    }

    @Test
    void theJobManagerOfASessionIsReadyOnlyWhenItsConfiguredRestPortListens() {
        Configuration config = new Configuration();
        config.setString("kubernetes.cluster-id", "probed");
        config.setString("rest.port", "9091");

        Container container = JobManagerSpecFactory.create(config, Mode.SESSION, "secret", "token", Map.of())
                .deployment().getSpec().getTemplate().getSpec().getContainers().get(0);

        assertEquals(9091, container.getReadinessProbe().getTcpSocket().getPort().getIntVal());
    }
}
