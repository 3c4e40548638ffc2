package io.podflow.kubernetes.resourcemanager;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.kubernetes.client.ApiCall;
import io.podflow.kubernetes.client.KubernetesApiException;
import java.net.HttpURLConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Creates and deletes TaskManager pods off the ResourceManager's main thread, at most {@code parallelism} calls at
 * once, so a burst of demand is served concurrently without flooding the API server.
 */
public final class TaskManagerPodCreator implements AutoCloseable {

    private static final int TOO_MANY_REQUESTS = 429;

    private final KubernetesClient client;
    private final String namespace;
    private final String serviceAccount;
    private final ExecutorService calls;

    public TaskManagerPodCreator(KubernetesClient client, String namespace, String serviceAccount, int parallelism) {
        this.client = client;
        this.namespace = namespace;
        this.serviceAccount = serviceAccount;
        this.calls = Executors.newFixedThreadPool(parallelism, threadsNamed("podflow-pod-calls-"));
    }

    /**
     * Creates {@code pod}; fails with a {@link KubernetesApiException} whose message is one line. A pod that already
     * exists counts as created: the client retries a request whose answer was lost (an API server restart), and the
     * first try may have made it.
     */
    public CompletableFuture<Pod> create(Pod pod) {
        return call(() -> {
            try {
                return client.pods().inNamespace(namespace).resource(pod).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                    return pod;
                }
                throw e;
            }
        }, "create");
    }

    /**
     * Whether a failed call was refused for what it asked (403 Forbidden, 422 Invalid, any other 4xx): asking again
     * the same way gets the same answer. Timeouts (408) and throttling (429) are not refusals.
     */
    public static boolean isRefusal(Throwable error) {
        if (!(error instanceof KubernetesApiException apiError)) {
            return false;
        }
        int code = apiError.code();
        return code >= 400 && code < 500 && code != HttpURLConnection.HTTP_CLIENT_TIMEOUT && code != TOO_MANY_REQUESTS;
    }

    /** Deletes pod {@code podName}; a pod that is already gone counts as deleted. */
    public CompletableFuture<Void> delete(String podName) {
        return call(() -> {
            client.pods().inNamespace(namespace).withName(podName).delete();
            return null;
        }, "delete");
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    private <T> CompletableFuture<T> call(Supplier<T> request, String verb) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.get();
            } catch (KubernetesClientException e) {
                throw KubernetesApiException.from(e, new ApiCall(verb, "pods", namespace, serviceAccount));
            }
        }, calls);
    }

    private static ThreadFactory threadsNamed(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
