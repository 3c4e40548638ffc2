package io.podflow.localkube.kubelet.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.podflow.localkube.kubelet.container.ContainerProcess;
import io.podflow.localkube.kubelet.pod.KubeletEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs readiness and liveness probes on a small scheduler and posts a {@link KubeletEvent.ProbeOutcome}
 * whenever a probe's thresholded result changes (liveness: only failures that cross the threshold).
 */
public final class ProbeRunner {

    private final ScheduledExecutorService scheduler;
    private final Map<String, List<ScheduledFuture<?>>> running = new ConcurrentHashMap<>();

    public ProbeRunner(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public void start(String podUid, Pod pod, Container container, int attempt, String podIp, ContainerProcess process,
            Consumer<KubeletEvent> events) {
        List<ScheduledFuture<?>> futures = new ArrayList<>();
        schedule(futures, container.getReadinessProbe(), false, podUid, container, attempt, podIp, process, events);
        schedule(futures, container.getLivenessProbe(), true, podUid, container, attempt, podIp, process, events);
        List<ScheduledFuture<?>> previous = running.put(key(podUid, container.getName()), futures);
        cancel(previous);
    }

    public void stop(String podUid, String container) {
        cancel(running.remove(key(podUid, container)));
    }

    private void schedule(List<ScheduledFuture<?>> futures, Probe probe, boolean liveness, String podUid,
            Container container, int attempt, String podIp, ContainerProcess process, Consumer<KubeletEvent> events) {
        if (probe == null) {
            return;
        }
        ProbeCheck check = ProbeCheck.of(probe, container, podIp, process);
        ProbeThreshold threshold = new ProbeThreshold(value(probe.getSuccessThreshold(), 1),
                value(probe.getFailureThreshold(), 3), liveness);
        long delay = value(probe.getInitialDelaySeconds(), 0);
        long period = value(probe.getPeriodSeconds(), 10);
        futures.add(scheduler.scheduleWithFixedDelay(() -> threshold.record(check.passes())
                .ifPresent(success -> events.accept(new KubeletEvent.ProbeOutcome(podUid, container.getName(), attempt,
                        liveness, success))), delay * 1000, period * 1000, TimeUnit.MILLISECONDS));
    }

    private static int value(Integer setting, int fallback) {
        return setting == null || setting <= 0 ? fallback : setting;
    }

    private static void cancel(List<ScheduledFuture<?>> futures) {
        if (futures != null) {
            futures.forEach(future -> future.cancel(false));
        }
    }

    private static String key(String podUid, String container) {
        return podUid + "/" + container;
    }
}
