package io.podflow.kubernetes.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.kubernetes.naming.KubernetesLabels;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.spec.JobManagerSpec;
import io.podflow.kubernetes.spec.OwnerReferences;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a cluster's objects for the client, the JobManager Deployment first and the rest owned by it, and removes
 * them again: after a failure half-way, on {@code stop}, or when an application ends.
 */
public final class KubernetesClusterObjects {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesClusterObjects.class);

    private final KubernetesClient client;
    private final String namespace;

    public KubernetesClusterObjects(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /**
     * Creates the Deployment, then the ConfigMap, Secret and Services owned by it. When any creation fails, what was
     * created is deleted before the one-line {@link KubernetesApiException} is thrown.
     */
    public Deployment deploy(JobManagerSpec spec) {
        List<HasMetadata> created = new ArrayList<>();
        try {
            Deployment deployment = create(spec.deployment());
            created.add(deployment);
            OwnerReference owner = OwnerReferences.toDeployment(deployment);
            for (HasMetadata object : spec.accompanyingObjectsOwnedBy(owner)) {
                created.add(create(object));
            }
            return deployment;
        } catch (KubernetesApiException e) {
            deleteQuietly(created);
            throw e;
        }
    }

    /** A reference to the running cluster's Deployment, for the TaskManager pods the ResourceManager creates. */
    public OwnerReference ownerReference(KubernetesObjectNames names) {
        Deployment deployment = call("get", "deployments",
                () -> client.apps().deployments().inNamespace(namespace).withName(names.deployment()).get());
        if (deployment == null) {
            throw new IllegalStateException("Deployment " + names.deployment() + " does not exist in namespace '"
                    + namespace + "'");
        }
        return OwnerReferences.toDeployment(deployment);
    }

    /**
     * Deletes the Deployment and everything labelled {@code app=<id>}. Owner references would let Kubernetes do
     * the rest, but deleting explicitly also cleans up where no garbage collector runs and needs no waiting.
     */
    public void remove(String clusterId) {
        Map<String, String> labels = Map.of(KubernetesLabels.APP, clusterId,
                KubernetesLabels.TYPE, KubernetesLabels.TYPE_NATIVE);
        call("delete", "deployments", () -> client.apps().deployments().inNamespace(namespace).withName(clusterId)
                .delete());
        call("delete", "services", () -> client.services().inNamespace(namespace).withLabels(labels).delete());
        call("delete", "configmaps", () -> client.configMaps().inNamespace(namespace).withLabels(labels).delete());
        call("delete", "secrets", () -> client.secrets().inNamespace(namespace).withLabels(labels).delete());
        call("delete", "pods", () -> client.pods().inNamespace(namespace).withLabels(labels).delete());
    }

    private <T extends HasMetadata> T create(T object) {
        return call("create", plural(object), () -> client.resource(object).inNamespace(namespace).create());
    }

    private void deleteQuietly(List<HasMetadata> created) {
        List<HasMetadata> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        for (HasMetadata object : newestFirst) {
            try {
                client.resource(object).inNamespace(namespace).delete();
            } catch (KubernetesClientException e) {
                LOG.warn("Could not remove {} {} after a failed deployment: {}", object.getKind(),
                        object.getMetadata().getName(), e.getMessage());
            }
        }
    }

    private <T> T call(String verb, String resource, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw KubernetesApiException.from(e, new ApiCall(verb, resource, namespace, null));
        }
    }

    private static String plural(HasMetadata object) {
        return object.getKind().toLowerCase(Locale.ROOT) + "s";
    }
}
