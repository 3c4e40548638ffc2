package io.podflow.bench.nativesession;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.bench.nativesession.job.IdleUntilCancelledJob;
import io.podflow.localkube.cluster.LocalKube;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * On localkube: from {@code flink run -d -t kubernetes-session -p N} (one slot per TaskManager, so N TaskManager
 * pods) until all the job's tasks are RUNNING, against the floor measured in the same run: N pods of the same image
 * created at once through the API, each a JVM that only binds 6122 ({@link FloorPods}), until all are Ready. Also the
 * Kubernetes API requests the JobManager made per TaskManager. One unreported warm-up round of each, then
 * alternating rounds. Options: {@code --rounds <n>} (5), {@code --taskmanagers <n>} (8), {@code --timeout <s>} (300),
 * {@code --session-options "<-Dkey=value ...>"} (more options for {@code kubernetes-session.sh}, e.g. to compare a
 * setting against its default in back-to-back runs).
 * Runs from the repository root, against {@code dist/target/podflow}, in a namespace of its own that it deletes.
 */
public final class NativeSessionBenchmark {

    private static final String TASKMANAGER_CPU = "0.25";
    private static final String TASKMANAGER_MEMORY = "1024m";
    private static final Duration NAMESPACE_DELETE_TIMEOUT = Duration.ofMinutes(3);

    private NativeSessionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = option(args, "--rounds", 5);
        int taskManagers = option(args, "--taskmanagers", 8);
        Duration timeout = Duration.ofSeconds(option(args, "--timeout", 300));
        Path home = Path.of("dist/target/podflow").toAbsolutePath();
        Path benchJar = Path.of("bench/target/podflow-bench-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        LocalKube kube = LocalKube.get();
        KubernetesClient client = kube.client();
        String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        String namespace = "bench-native-" + suffix;
        Path work = Files.createDirectories(Path.of("bench/target/native-session-" + suffix).toAbsolutePath());

        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        try {
            prepareNamespace(client, namespace);
            Path confDir = sessionConf(home, work);
            Path jar = JobJarFile.write(work.resolve("idle-until-cancelled.jar"), IdleUntilCancelledJob.class,
                    IdleUntilCancelledJob.IdleSource.class, IdleUntilCancelledJob.DroppingSink.class);
            FloorPods floor = new FloorPods(client, namespace, benchJar, Map.of("cpu", new Quantity(TASKMANAGER_CPU),
                    "memory", new Quantity(TASKMANAGER_MEMORY.replace("m", "Mi"))));
            try (BenchSession session = new BenchSession(home, confDir, kube.kubeconfig(), client, namespace,
                    "bench-" + suffix)) {
                List<String> sessionOptions = new ArrayList<>(List.of("-Dtaskmanager.numberOfTaskSlots=1",
                        "-Dkubernetes.taskmanager.cpu=" + TASKMANAGER_CPU, "-Dkubernetes.jobmanager.cpu=0.5",
                        "-Dtaskmanager.memory.process.size=" + TASKMANAGER_MEMORY,
                        "-Dresourcemanager.taskmanager-timeout=3s"));
                sessionOptions.addAll(extraOptions(args));
                System.out.println("session options: " + String.join(" ", sessionOptions));
                session.start(sessionOptions);
                Report report = new Report(taskManagers, System.out);
                report.warmUp(floor.measure("warmup", taskManagers, timeout),
                        session.measure(jar, taskManagers, timeout));
                for (int round = 1; round <= rounds; round++) {
                    // alternate which goes first, so a drift in the machine's load does not favour one side
                    if (round % 2 == 1) {
                        RoundTimes floorTimes = floor.measure("r" + round, taskManagers, timeout);
                        report.round(round, floorTimes, session.measure(jar, taskManagers, timeout));
                    } else {
                        NativeRound nativeRound = session.measure(jar, taskManagers, timeout);
                        report.round(round, floor.measure("r" + round, taskManagers, timeout), nativeRound);
                    }
                }
                report.summary();
                Path jobManagerLog = Path.of("bench/target/native-session-jobmanager.log");
                Files.writeString(jobManagerLog, session.jobManagerLog());
                System.out.println("the JobManager's log: " + jobManagerLog);
            }
        } finally {
            deleteNamespace(client, namespace);
            deleteTree(work);
        }
    }

    /** Deletes the namespace, waiting out an API server that other engineers' tests stop for a while. */
    private static void deleteNamespace(KubernetesClient client, String namespace) throws InterruptedException {
        try {
            Waiting.until(() -> {
                try {
                    client.namespaces().withName(namespace).delete();
                    return true;
                } catch (KubernetesClientException e) {
                    return false;
                }
            }, Waiting.REMOTE_POLL, NAMESPACE_DELETE_TIMEOUT, "the namespace deleted");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // not thrown: it would hide whatever ended the run
            System.err.println("Could not delete namespace " + namespace + " (" + e.getMessage()
                    + "); delete it with: kubectl delete namespace " + namespace);
        }
    }

    /** What a user does before a session: the namespace's default account exists and may edit it. */
    private static void prepareNamespace(KubernetesClient client, String namespace) {
        client.serviceAccounts().inNamespace(namespace).withName("default").waitUntilCondition(
                account -> account != null && !account.getSecrets().isEmpty(), 60, TimeUnit.SECONDS);
        client.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder().withNewMetadata()
                .withName("default-edit").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("edit").endRoleRef().addNewSubject().withKind("ServiceAccount")
                .withName("default").withNamespace(namespace).endSubject().build()).create();
    }

    /** The distribution's configuration plus the JobManager's Kubernetes requests logged at DEBUG. */
    private static Path sessionConf(Path home, Path work) throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        try (Stream<Path> files = Files.list(home.resolve("conf"))) {
            for (Path file : files.toList()) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        Files.writeString(conf.resolve("log4j2.properties"), "\n" + ApiRequestLog.LOGGER_CONFIG,
                StandardOpenOption.APPEND);
        return conf;
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<String> extraOptions(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--session-options")) {
                return List.of(args[i + 1].trim().split("\\s+"));
            }
        }
        return List.of();
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
