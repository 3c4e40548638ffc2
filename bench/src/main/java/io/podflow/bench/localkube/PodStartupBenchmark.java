package io.podflow.bench.localkube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Time from creating N trivial pods ({@code sleep 3600}) on localkube until all are Running, next to
 * starting the same N processes directly from this JVM in the same run; prints both and the ratio.
 * Options: {@code --pods <n>} (default 50), {@code --timeout <s>} (default 300). Brings localkube up if needed.
 */
public final class PodStartupBenchmark {

    private PodStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = option(args, "--pods", 50);
        Duration timeout = Duration.ofSeconds(option(args, "--timeout", 300));

        Duration direct = startProcessesDirectly(count);
        KubernetesClient client = LocalKube.get().client();
        String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        try {
            Duration pods = startPods(client, namespace, count, timeout);
            System.out.printf("pod start-up benchmark: %d pods, %d cores%n", count,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  direct processes : %8.1f ms until all %d started%n", millis(direct), count);
            System.out.printf("  localkube pods   : %8.1f ms until all %d Running%n", millis(pods), count);
            System.out.printf("  ratio pods/direct: %8.1fx%n", millis(pods) / millis(direct));
        } finally {
            client.namespaces().withName(namespace).delete();
        }
    }

    private static Duration startProcessesDirectly(int count) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                processes.add(new ProcessBuilder("sleep", "3600").start());
            }
            // a process counts as started once it is alive under its own pid, as a Running pod's is
            for (Process process : processes) {
                while (!process.isAlive()) {
                    Thread.onSpinWait();
                }
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            for (Process process : processes) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private static Duration startPods(KubernetesClient client, String namespace, int count, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            client.pods().inNamespace(namespace).resource(new PodBuilder()
                    .withNewMetadata().withName("sleeper-" + i).addToLabels("bench", "startup").endMetadata()
                    .withNewSpec().withTerminationGracePeriodSeconds(0L)
                    .addNewContainer().withName("main").withImage("debian:bookworm").withCommand("sleep", "3600")
                    .endContainer().endSpec().build()).create();
        }
        long deadline = start + timeout.toNanos();
        while (true) {
            List<Pod> pods = client.pods().inNamespace(namespace).withLabel("bench", "startup").list().getItems();
            long running = pods.stream()
                    .filter(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())).count();
            if (running == count) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + running + " of " + count + " pods Running after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
