package io.podflow.kubernetes.resourcemanager;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.podflow.kubernetes.client.ApiCall;
import io.podflow.kubernetes.client.KubernetesApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a cluster's TaskManager pods with an informer: a list, then a watch, relisting when the watch is too old
 * ({@code 410 Gone}) or breaks, and replaying every pod each resync period so a missed event is repaired.
 */
public final class KubernetesPodWatcher implements AutoCloseable {

    /** What the watcher reports, on the informer's thread; a ResourceManager hands each to its main thread. */
    public interface PodEvents {

        /** A pod was added or changed, or is replayed by a resync. */
        void podChanged(Pod pod);

        void podDeleted(Pod pod);
    }

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesPodWatcher.class);

    private final SharedIndexInformer<Pod> informer;

    private KubernetesPodWatcher(SharedIndexInformer<Pod> informer) {
        this.informer = informer;
    }

    /**
     * Lists the pods with {@code labels} and starts watching them; returns once the first list is in.
     *
     * @throws KubernetesApiException with one line (and for a 403 the RBAC fix) when the first list fails
     */
    public static KubernetesPodWatcher start(KubernetesClient client, ApiCall listPods, Map<String, String> labels,
            Duration resync, Duration startTimeout, PodEvents events) {
        SharedIndexInformer<Pod> informer = client.pods().inNamespace(listPods.namespace()).withLabels(labels)
                .runnableInformer(resync.toMillis());
        informer.addEventHandler(new ResourceEventHandler<Pod>() {
            @Override
            public void onAdd(Pod pod) {
                events.podChanged(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                events.podChanged(newPod);
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                events.podDeleted(pod);
            }
        });
        informer.exceptionHandler((started, error) -> {
            if (!started) {
                return false;
            }
            // once running, keep trying: the API server may be restarting, and a watcher that gives up leaks pods
            LOG.warn("Watching TaskManager pods in namespace '{}' failed, retrying: {}", listPods.namespace(),
                    error.getMessage());
            return true;
        });
        try {
            informer.start().toCompletableFuture().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            informer.stop();
            throw translate(e.getCause(), listPods);
        } catch (TimeoutException e) {
            informer.stop();
            throw new IllegalStateException("Listing TaskManager pods in namespace '" + listPods.namespace()
                    + "' took longer than " + startTimeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            informer.stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing TaskManager pods", e);
        }
        return new KubernetesPodWatcher(informer);
    }

    /** The pods as last seen: the informer's cache. */
    public List<Pod> pods() {
        return informer.getStore().list();
    }

    @Override
    public void close() {
        informer.stop();
    }

    private static RuntimeException translate(Throwable error, ApiCall listPods) {
        if (error instanceof KubernetesClientException clientError) {
            return KubernetesApiException.from(clientError, listPods);
        }
        return new IllegalStateException("Listing TaskManager pods failed: " + error.getMessage(), error);
    }
}
