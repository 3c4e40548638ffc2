package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;

/** The pod's name, labels and annotations; the user's labels come first so podflow's own win on a clash. */
public record PodMetadataStep(String name, Map<String, String> userLabels, Map<String, String> labels,
        Map<String, String> annotations) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withPod(new PodBuilder(draft.pod()).editMetadata().withName(name).addToLabels(userLabels)
                .addToLabels(labels).addToAnnotations(annotations).endMetadata().build());
    }
}
