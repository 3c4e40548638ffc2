package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.podflow.common.config.MemorySize;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Memory and CPU of the main container. Requests equal limits, so the scheduler reserves what the process may use
 * and the pod is not evicted first under memory pressure.
 */
public record ResourcesStep(MemorySize memory, double cpu) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        Map<String, Quantity> amounts = Map.of(
                "memory", new Quantity(memory.getMebiBytes() + "Mi"),
                "cpu", new Quantity(BigDecimal.valueOf(cpu).stripTrailingZeros().toPlainString()));
        return draft.withContainer(new ContainerBuilder(draft.container()).withNewResources()
                .withRequests(amounts).withLimits(amounts).endResources().build());
    }
}
