package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod being built by {@link PodStep}s, with its main container kept apart so steps need not search for it.
 * Immutable: steps return a new draft.
 */
public record PodDraft(Pod pod, Container container) {

    public static final String MAIN_CONTAINER_NAME = "flink-main-container";

    /** A pod with empty metadata and spec, and a main container with only its name. */
    public static PodDraft empty() {
        return new PodDraft(new PodBuilder().withNewMetadata().endMetadata().withNewSpec().endSpec().build(),
                new ContainerBuilder().withName(MAIN_CONTAINER_NAME).build());
    }

    public PodDraft withPod(Pod newPod) {
        return new PodDraft(newPod, container);
    }

    public PodDraft withContainer(Container newContainer) {
        return new PodDraft(pod, newContainer);
    }

    /** Adds variables to the main container; one with the name of an existing variable replaces it. */
    public PodDraft withEnv(List<EnvVar> variables) {
        List<EnvVar> env = new ArrayList<>(container.getEnv());
        for (EnvVar variable : variables) {
            env.removeIf(existing -> existing.getName().equals(variable.getName()));
            env.add(variable);
        }
        return withContainer(new ContainerBuilder(container).withEnv(env).build());
    }

    /** The finished pod, with the main container as its only container. */
    public Pod build() {
        return new PodBuilder(pod).editSpec().withContainers(container).endSpec().build();
    }
}
