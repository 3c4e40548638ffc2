package io.podflow.bench.localkube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.podflow.localkube.cluster.LocalKube;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Time from creating N trivial pods ({@code sleep 3600}) on localkube until all are Running, next to
 * starting the same N processes directly from this JVM in the same run; prints both, the ratio, and
 * where the pods' time went. The pods come from one ReplicaSet of N replicas, created the way a user's
 * Deployment scales up: the controller-manager creates them concurrently, so neither this JVM's cold HTTP
 * client nor one-at-a-time creation paces them. Options: {@code --pods <n>} (default 50), {@code --timeout <s>} (default 300). Brings localkube
 * up if needed.
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
            awaitDefaultServiceAccountToken(client, namespace, timeout);
            PodStages stages = new PodStages(count);
            long start;
            Instant startedAt;
            try (SharedIndexInformer<Pod> informer = client.pods().inNamespace(namespace).inform(stages)) {
                // a watch still being set up would deliver the first seconds of events in one late burst
                while (!informer.isWatching()) {
                    Thread.sleep(10);
                }
                startedAt = Instant.now();
                start = System.nanoTime();
                stages.startedAt(start);
                client.apps().replicaSets().inNamespace(namespace).resource(sleepers(count)).create();
                if (!stages.awaitAllRunning(timeout)) {
                    throw new IllegalStateException("only " + stages.running() + " of " + count
                            + " pods Running after " + timeout);
                }
            }
            double pods = (stages.lastRunningNanos() - start) / 1_000_000.0;
            System.out.printf("pod start-up benchmark: %d pods, %d cores%n", count,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  direct processes : %8.1f ms until all %d started%n", millis(direct), count);
            System.out.printf("  localkube pods   : %8.1f ms until all %d Running%n", pods, count);
            System.out.printf("  ratio pods/direct: %8.1fx%n", pods / millis(direct));
            System.out.printf("  clock started at %s (to read beside the kubelet's log)%n", startedAt);
            stages.printBreakdown(System.out);
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

    /**
     * The service-account admission refuses pods until the token controller has made the new namespace's
     * default account and its token (the API server answers "retry later", and the client backs off), so the
     * clock starts once the namespace is ready, as a user's namespace is when a Deployment scales up.
     */
    private static void awaitDefaultServiceAccountToken(KubernetesClient client, String namespace, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ServiceAccount account = client.serviceAccounts().inNamespace(namespace).withName("default").get();
            if (account != null && !account.getSecrets().isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("namespace " + namespace + " has no default service account token after "
                        + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static ReplicaSet sleepers(int replicas) {
        return new ReplicaSetBuilder()
                .withNewMetadata().withName("sleepers").endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("bench", "startup").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("bench", "startup").endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(0L)
                .addNewContainer().withName("main").withImage("debian:bookworm").withCommand("sleep", "3600")
                .endContainer().endSpec().endTemplate().endSpec().build();
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
