package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.client.KubernetesClientFactory;

/** Opens the user's Kubernetes client and checks the API server answers, so a command fails at once when not. */
final class ReachableKubernetesClient {

    private ReachableKubernetesClient() {
    }

    /** @throws io.podflow.kubernetes.client.KubernetesApiException naming the server when it cannot be reached */
    static KubernetesClient open(Configuration config) {
        KubernetesClient client = KubernetesClientFactory.create(config);
        try {
            KubernetesClientFactory.checkReachable(client);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
