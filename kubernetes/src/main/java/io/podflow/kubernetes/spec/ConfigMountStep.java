package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;

/** Mounts the cluster's config ConfigMap ({@code flink-conf.yaml}, logging) at the configuration directory. */
public record ConfigMountStep(String configMapName, String confDir) implements PodStep {

    static final String VOLUME = "flink-config-volume";

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft
                .withPod(new PodBuilder(draft.pod()).editSpec().addNewVolume().withName(VOLUME).withNewConfigMap()
                        .withName(configMapName).endConfigMap().endVolume().endSpec().build())
                .withContainer(new ContainerBuilder(draft.container()).addNewVolumeMount().withName(VOLUME)
                        .withMountPath(confDir).endVolumeMount().build())
                .withEnv(List.of(new EnvVar("FLINK_CONF_DIR", confDir, null)));
    }
}
