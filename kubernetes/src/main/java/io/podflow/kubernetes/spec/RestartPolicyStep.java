package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.PodBuilder;

/**
 * The pod's restart policy. TaskManager pods use {@code Never}: a failed TaskManager is replaced by the
 * ResourceManager with a new pod, never restarted in place under the same identity.
 */
public record RestartPolicyStep(String restartPolicy) implements PodStep {

    public static RestartPolicyStep never() {
        return new RestartPolicyStep("Never");
    }

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withPod(new PodBuilder(draft.pod()).editSpec().withRestartPolicy(restartPolicy).endSpec()
                .build());
    }
}
