package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;

/**
 * The objects of a cluster the client creates: the JobManager Deployment first, then the others, owned by it.
 */
public record JobManagerSpec(Deployment deployment, ConfigMap configMap, Secret secret, Service internalService,
        Service restService) {

    /** The ConfigMap, Secret and both Services, each a copy owned by {@code owner} (the created Deployment). */
    public List<HasMetadata> accompanyingObjectsOwnedBy(OwnerReference owner) {
        return List.of(
                new ConfigMapBuilder(configMap).editMetadata().addToOwnerReferences(owner).endMetadata().build(),
                new SecretBuilder(secret).editMetadata().addToOwnerReferences(owner).endMetadata().build(),
                new ServiceBuilder(internalService).editMetadata().addToOwnerReferences(owner).endMetadata().build(),
                new ServiceBuilder(restService).editMetadata().addToOwnerReferences(owner).endMetadata().build());
    }
}
