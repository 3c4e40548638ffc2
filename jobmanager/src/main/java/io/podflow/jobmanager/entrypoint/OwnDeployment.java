package io.podflow.jobmanager.entrypoint;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.kubernetes.client.ApiCall;
import io.podflow.kubernetes.client.KubernetesApiException;

/**
 * The Deployment {@code <cluster-id>} this JobManager runs in. Deleting it removes the whole cluster: every other
 * object is owned by it.
 */
final class OwnDeployment {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;

    OwnDeployment(KubernetesClient client, String namespace, String name) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
    }

    /**
     * Deletes the Deployment in the foreground: its ReplicaSet is marked deleted before this pod goes, so no
     * replacement JobManager is started to run the application again.
     *
     * @throws KubernetesApiException with one line when the API server refused
     */
    void delete() {
        try {
            client.apps().deployments().inNamespace(namespace).withName(name)
                    .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
        } catch (KubernetesClientException e) {
            throw KubernetesApiException.from(e, new ApiCall("delete", "deployments", namespace, null));
        }
    }

    String name() {
        return name;
    }
}
