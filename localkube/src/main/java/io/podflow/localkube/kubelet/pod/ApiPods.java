package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.localkube.kubelet.StatusPatch;
import java.net.HttpURLConnection;

/** {@link PodApi} against the API server. */
public final class ApiPods implements PodApi {

    private final KubernetesClient client;

    public ApiPods(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void patchStatus(Pod pod, PodStatus status) {
        StatusPatch.apply(client.pods().inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()), status);
    }

    @Override
    public void deleteNow(Pod pod) {
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }
}
