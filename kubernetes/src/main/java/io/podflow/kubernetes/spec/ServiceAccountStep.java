package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.PodBuilder;

/** The service account the pod's processes talk to the Kubernetes API as. */
public record ServiceAccountStep(String serviceAccount) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withPod(new PodBuilder(draft.pod()).editSpec().withServiceAccountName(serviceAccount).endSpec()
                .build());
    }
}
