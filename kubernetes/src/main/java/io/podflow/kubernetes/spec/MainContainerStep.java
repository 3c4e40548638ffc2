package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.podflow.kubernetes.KubernetesConfigOptions.ImagePullPolicy;
import java.util.List;
import java.util.Map;

/** The main container's image, how it is pulled, and the ports it listens on. */
public record MainContainerStep(String image, ImagePullPolicy pullPolicy, List<String> pullSecrets,
        Map<String, Integer> ports) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        List<ContainerPort> containerPorts = ports.entrySet().stream()
                .map(port -> new ContainerPortBuilder().withName(port.getKey()).withContainerPort(port.getValue())
                        .withProtocol("TCP").build())
                .toList();
        List<LocalObjectReference> secrets = pullSecrets.stream().map(LocalObjectReference::new).toList();
        return draft
                .withPod(new PodBuilder(draft.pod()).editSpec().addAllToImagePullSecrets(secrets).endSpec().build())
                .withContainer(new ContainerBuilder(draft.container()).withImage(image)
                        .withImagePullPolicy(pullPolicy.name()).addAllToPorts(containerPorts).build());
    }
}
