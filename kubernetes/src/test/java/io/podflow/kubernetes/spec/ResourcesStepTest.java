package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.podflow.common.config.MemorySize;
import org.junit.jupiter.api.Test;

class ResourcesStepTest {

    @Test
    void requestsAndLimitsAreTheProcessSizeAndCpus() {
        ResourceRequirements resources = new ResourcesStep(MemorySize.parse("4096m"), 2.0).apply(PodDraft.empty())
                .container().getResources();

        assertEquals(new Quantity("4096Mi"), resources.getRequests().get("memory"));
        assertEquals(new Quantity("2"), resources.getRequests().get("cpu"));
        assertEquals(resources.getRequests(), resources.getLimits());
    }

    @Test
    void fractionalCpusAreKept() {
        ResourceRequirements resources = new ResourcesStep(MemorySize.parse("1g"), 0.5).apply(PodDraft.empty())
                .container().getResources();

        assertEquals(new Quantity("0.5"), resources.getLimits().get("cpu"));
        assertEquals(new Quantity("1024Mi"), resources.getLimits().get("memory"));
    }
}
