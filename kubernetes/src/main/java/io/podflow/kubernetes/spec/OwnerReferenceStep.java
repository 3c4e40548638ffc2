package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** Makes the pod owned by the JobManager Deployment, so deleting the Deployment deletes the pod. */
public record OwnerReferenceStep(OwnerReference owner) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withPod(new PodBuilder(draft.pod()).editMetadata().addToOwnerReferences(owner).endMetadata()
                .build());
    }
}
