package io.podflow.jobmanager.resourcemanager.kubernetes;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies a Kubernetes client's serialization before the first pod is created or watched. On first use, fabric8 loads
 * every model class it ships to map {@code kind}s to classes, and builds its JSON (de)serializers for pods: seconds of
 * CPU on a loaded machine. Left to the first API answer, that work blocked the client's event loop, so a fresh
 * JobManager's first pod creations timed out; done here, on the driver's own thread at start, no answer waits for it.
 */
final class KubernetesModelWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesModelWarmUp.class);

    private KubernetesModelWarmUp() {
    }

    static void run(KubernetesClient client) {
        long start = System.nanoTime();
        try {
            KubernetesSerialization serialization = client.getKubernetesSerialization();
            String pod = serialization.asJson(new PodBuilder().withNewMetadata().withName("warm-up").endMetadata()
                    .withNewSpec().addNewContainer().withName("warm-up").endContainer().endSpec().build());
            // read as a resource of unknown kind, which is what fills fabric8's kind-to-class mapping
            serialization.unmarshal(pod, KubernetesResource.class);
            LOG.info("Kubernetes client's serialization ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // nothing is lost: the first API answer does the same work, only later
            LOG.warn("Could not ready the Kubernetes client's serialization ahead of use: {}", e.toString());
        }
    }
}
