package io.podflow.bench.localkube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows the benchmark's pods (an informer's handler) and notes when this client first saw each of them reach each stage,
 * so the total splits into the scheduler's part (created to bound), the kubelet's pick-up (bound to
 * the first status with a pod IP) and the container start (pod IP to Running, status patch included).
 */
final class PodStages implements ResourceEventHandler<Pod> {

    enum Stage { CREATED, BOUND, POD_IP, RUNNING }

    private final Map<String, Map<Stage, Long>> seen = new ConcurrentHashMap<>();
    private final CountDownLatch running;
    private volatile long start;

    PodStages(int pods) {
        this.running = new CountDownLatch(pods);
    }

    void startedAt(long nanos) {
        this.start = nanos;
    }

    @Override
    public void onAdd(Pod pod) {
        seen(pod);
    }

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
        seen(newPod);
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
    }

    private void seen(Pod pod) {
        long now = System.nanoTime();
        Map<Stage, Long> stages = seen.computeIfAbsent(pod.getMetadata().getName(),
                name -> new EnumMap<>(Stage.class));
        synchronized (stages) {
            stages.putIfAbsent(Stage.CREATED, now);
            if (pod.getSpec().getNodeName() != null) {
                stages.putIfAbsent(Stage.BOUND, now);
            }
            if (pod.getStatus() != null && pod.getStatus().getPodIP() != null) {
                stages.putIfAbsent(Stage.POD_IP, now);
            }
            if (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                    && stages.putIfAbsent(Stage.RUNNING, now) == null) {
                running.countDown();
            }
        }
    }

    boolean awaitAllRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long running() {
        return seen.values().stream().filter(stages -> stages.containsKey(Stage.RUNNING)).count();
    }

    long lastRunningNanos() {
        return seen.values().stream().mapToLong(stages -> stages.get(Stage.RUNNING)).max().orElseThrow();
    }

    /** Per step: median and maximum over the pods, and when the last pod got there. */
    void printBreakdown(PrintStream out) {
        out.println("  where the pods' time went (as this client's informer saw it):");
        step(out, "created by the ReplicaSet controller", null, Stage.CREATED);
        step(out, "created -> bound (scheduler)", Stage.CREATED, Stage.BOUND);
        step(out, "bound -> pod IP (kubelet pick-up)", Stage.BOUND, Stage.POD_IP);
        step(out, "pod IP -> Running (container start)", Stage.POD_IP, Stage.RUNNING);
    }

    private void step(PrintStream out, String label, Stage from, Stage to) {
        long[] durations = seen.values().stream()
                .filter(stages -> stages.containsKey(to))
                .mapToLong(stages -> stages.get(to) - (from == null ? start : stages.getOrDefault(from, stages.get(to))))
                .sorted().toArray();
        long last = seen.values().stream().filter(stages -> stages.containsKey(to))
                .mapToLong(stages -> stages.get(to) - start).max().orElse(0);
        out.printf("    %-40s median %7.1f ms, max %7.1f ms, last pod at %8.1f ms%n", label,
                durations.length == 0 ? 0 : durations[durations.length / 2] / 1e6,
                Arrays.stream(durations).max().orElse(0) / 1e6, last / 1e6);
    }
}
