package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small steps that set one pod-level field each: placement, service account, restart policy. */
class PodPlacementStepsTest {

    @Test
    void nodeSelectorAndTolerationsArePutOnThePod() {
        Toleration toleration = new TolerationBuilder().withKey("k").withOperator("Exists").build();

        Pod pod = new NodePlacementStep(Map.of("disk", "ssd"), List.of(toleration)).apply(PodDraft.empty()).build();

        assertEquals(Map.of("disk", "ssd"), pod.getSpec().getNodeSelector());
        assertEquals(List.of(toleration), pod.getSpec().getTolerations());
    }

    @Test
    void serviceAccountIsSet() {
        assertEquals("flink", new ServiceAccountStep("flink").apply(PodDraft.empty()).build().getSpec()
                .getServiceAccountName());
    }

    @Test
    void taskManagerPodsAreNeverRestartedInPlace() {
        assertEquals("Never", RestartPolicyStep.never().apply(PodDraft.empty()).build().getSpec().getRestartPolicy());
    }
}
