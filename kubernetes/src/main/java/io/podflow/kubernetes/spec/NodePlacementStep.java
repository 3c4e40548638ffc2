package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** Which nodes the pod may run on: node selector and tolerations. */
public record NodePlacementStep(Map<String, String> nodeSelector, List<Toleration> tolerations) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withPod(new PodBuilder(draft.pod()).editSpec().addToNodeSelector(nodeSelector)
                .addAllToTolerations(tolerations).endSpec().build());
    }
}
