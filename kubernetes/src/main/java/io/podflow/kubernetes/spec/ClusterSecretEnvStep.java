package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.Map;

/**
 * Hands the cluster Secret's keys to the process as environment variables, so the secret never appears in the
 * ConfigMap or the command line. {@code variables} maps variable name to Secret key.
 */
public record ClusterSecretEnvStep(String secretName, Map<String, String> variables) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withEnv(variables.entrySet().stream().map(variable -> new EnvVarBuilder()
                .withName(variable.getKey()).withNewValueFrom().withNewSecretKeyRef().withName(secretName)
                .withKey(variable.getValue()).endSecretKeyRef().endValueFrom().build()).toList());
    }
}
