package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Map;

/** Plain environment variables, such as those of {@code containerized.master.env.*}. */
public record EnvironmentStep(Map<String, String> variables) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withEnv(variables.entrySet().stream()
                .map(variable -> new EnvVar(variable.getKey(), variable.getValue(), null)).toList());
    }
}
