package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;

/**
 * The pod's own IP and name as environment variables, filled in by the kubelet from the pod's fields; a TaskManager
 * advertises {@code POD_IP} when {@code taskmanager.host} is unset.
 */
public record PodIdentityEnvStep() implements PodStep {

    public static final String POD_IP = "POD_IP";
    public static final String POD_NAME = "POD_NAME";

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withEnv(List.of(fromField(POD_IP, "status.podIP"), fromField(POD_NAME, "metadata.name")));
    }

    private static EnvVar fromField(String name, String fieldPath) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withApiVersion("v1")
                .withFieldPath(fieldPath).endFieldRef().endValueFrom().build();
    }
}
