package io.podflow.localkube.kubelet.pod;

import io.podflow.localkube.kubelet.container.ContainerProcess;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts containers on a fixed set of threads, so a burst of new pods is started several at a time
 * instead of one after the other. A container's parent-death signal follows the thread that forked
 * it, so these threads must outlive every container they start: every outcome of a start, a failure
 * included, is handed back as a {@link KubeletEvent.ContainerLaunched}, never thrown out of a thread
 * (which would end it and, with it, the containers it started), and the threads end only at
 * {@link #shutdown()}, once the containers have been stopped.
 */
final class ContainerLaunchThreads {

    private final ExecutorService threads;
    private final Consumer<KubeletEvent> post;
    private final Set<CompletableFuture<Void>> underWay = ConcurrentHashMap.newKeySet();

    ContainerLaunchThreads(int count, Consumer<KubeletEvent> post) {
        this.threads = Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "kubelet-launch");
            thread.setDaemon(true);
            return thread;
        });
        this.post = post;
    }

    void launch(String podUid, String container, Supplier<ContainerProcess> start) {
        CompletableFuture<Void> launch = CompletableFuture.runAsync(() -> {
            ContainerProcess process = null;
            RuntimeException failure = null;
            try {
                process = start.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            post.accept(new KubeletEvent.ContainerLaunched(podUid, container, process, failure));
        }, threads);
        underWay.add(launch);
        launch.whenComplete((ignored, error) -> underWay.remove(launch));
    }

    /** Waits up to {@code timeout} for the starts under way; their outcomes have been posted when this returns true. */
    boolean awaitUnderWay(Duration timeout) throws InterruptedException {
        try {
            CompletableFuture.allOf(underWay.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            // a start never fails its future: its failure is posted as an outcome
            throw new IllegalStateException(e);
        }
    }

    /** Ends the threads; call only when no container they started is running any more. */
    void shutdown() {
        threads.shutdown();
    }
}
