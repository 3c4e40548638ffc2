package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;

/** {@code kubernetes.env.secretKeyRef}: environment variables whose values come from keys of Secrets. */
public record SecretEnvStep(List<SecretEnvVar> variables) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withEnv(variables.stream().map(SecretEnvStep::toEnvVar).toList());
    }

    static EnvVar toEnvVar(SecretEnvVar variable) {
        return new EnvVarBuilder().withName(variable.envName()).withNewValueFrom().withNewSecretKeyRef()
                .withName(variable.secretName()).withKey(variable.key()).endSecretKeyRef().endValueFrom().build();
    }
}
