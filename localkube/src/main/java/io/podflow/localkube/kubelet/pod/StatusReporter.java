package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pod status patches off the reconcile thread, so one slow API round trip does not hold up
 * every other pod. Per pod at most one patch is in flight; a status submitted meanwhile replaces any
 * still waiting, so only the newest one is sent next and statuses never arrive out of order.
 */
final class StatusReporter {

    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

    private final PodApi api;
    private final Executor executor;
    private final Consumer<Rejected> onFailure;
    private final Map<String, Report> waiting = new HashMap<>();
    private final Map<String, Boolean> inFlight = new HashMap<>();

    /** A status the API server did not accept, handed back so the worker can send it again later. */
    record Rejected(String podUid, PodStatus status) {
    }

    private record Report(Pod pod, PodStatus status) {
    }

    /** @param onFailure called on an executor thread for each patch that failed */
    StatusReporter(PodApi api, Executor executor, Consumer<Rejected> onFailure) {
        this.api = api;
        this.executor = executor;
        this.onFailure = onFailure;
    }

    void submit(String key, Pod pod, PodStatus status) {
        synchronized (this) {
            waiting.put(key, new Report(pod, status));
            if (inFlight.putIfAbsent(key, Boolean.TRUE) != null) {
                return;
            }
        }
        executor.execute(() -> sendAll(key));
    }

    private void sendAll(String key) {
        while (true) {
            Report report;
            synchronized (this) {
                report = waiting.remove(key);
                if (report == null) {
                    inFlight.remove(key);
                    return;
                }
            }
            send(report);
        }
    }

    private void send(Report report) {
        Pod pod = report.pod();
        try {
            api.patchStatus(pod, report.status());
        } catch (RuntimeException e) {
            LOG.warn("cannot report status of pod {}/{}: {}", pod.getMetadata().getNamespace(),
                    pod.getMetadata().getName(), e.getMessage());
            onFailure.accept(new Rejected(pod.getMetadata().getUid(), report.status()));
        }
    }
}
