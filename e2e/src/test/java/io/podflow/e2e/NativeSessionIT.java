package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.e2e.job.DoubledNumbersProgram;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Must-show 1 of the native Kubernetes issue, run as a user types it against localkube: {@code kubernetes-session.sh}
 * starts a session whose JobManager runs alone, {@code bin/flink run} of a job of parallelism 4 makes it create
 * exactly two TaskManager pods of two slots, the output is exact, idle TaskManagers are released, and
 * {@code stop} removes every object labelled with the session's id.
 */
@ExtendWith(LocalKubeExtension.class)
class NativeSessionIT {

    private static final String CLUSTER_ID = "s1";
    private static final String SESSION_LABEL = "app";
    private static final long RECORDS = 10_000;
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Path distribution = Path.of(System.getProperty("podflow.dist.home", "../dist/target/podflow"))
            .toAbsolutePath().normalize();
    // pods see the host's file system except their own /tmp, so the job writes below target/
    private final Path work = Path.of(System.getProperty("podflow.e2e.work", "target/e2e-work")).toAbsolutePath();

    @Test
    void aSessionRunsAJobOnTwoTaskManagerPodsReleasesThemWhenIdleAndStopRemovesEverything(LocalKube kube,
            KubernetesClient client, TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        grantEdit(client, ns);
        List<String> sessionOptions = List.of("-Dkubernetes.cluster-id=" + CLUSTER_ID, "-Dkubernetes.namespace=" + ns);

        Result started = run(kube, "kubernetes-session.sh", null, concat(sessionOptions,
                "-Dtaskmanager.numberOfTaskSlots=2", "-Dkubernetes.container.image=podflow",
                "-Dresourcemanager.taskmanager-timeout=20s"));

        assertEquals(0, started.exitCode(), started.output());
        assertTrue(started.output().contains("Session '" + CLUSTER_ID + "' is ready"), started.output());
        assertEquals(1, client.apps().deployments().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID).list()
                .getItems().size());
        assertEquals(List.of(CLUSTER_ID, CLUSTER_ID + "-rest"), names(client.services().inNamespace(ns)
                .withLabel(SESSION_LABEL, CLUSTER_ID).list().getItems()));
        assertEquals(List.of("flink-config-" + CLUSTER_ID), names(client.configMaps().inNamespace(ns)
                .withLabel(SESSION_LABEL, CLUSTER_ID).list().getItems()));
        Pod jobManager = await().atMost(STARTUP).until(() -> runningPod(client, ns, "jobmanager"),
                pod -> pod != null);
        assertEquals(List.of(), taskManagerPods(client, ns));
        // the CLI counts a Running JobManager pod as ready, which can be before its REST server listens
        InetSocketAddress rest = new InetSocketAddress(jobManager.getStatus().getPodIP(), 8081);
        await().atMost(STARTUP).ignoreExceptions().until(() -> accepts(rest));

        String token = new String(Base64.getDecoder().decode(client.secrets().inNamespace(ns)
                .withName(CLUSTER_ID + "-secret").get().getData().get("rest.authentication.token")),
                StandardCharsets.UTF_8);
        Path output = work.resolve(ns + "-out");
        Result submitted = run(kube, "flink", null, List.of("run", "-m", rest.getHostString() + ":8081",
                "-Drest.authentication.token=" + token, "-p", "4", jar().toString(), output.toString(),
                Long.toString(RECORDS)));

        assertEquals(0, submitted.exitCode(), submitted.output());
        assertTrue(submitted.output().contains("has finished"), submitted.output());
        assertEquals(List.of(CLUSTER_ID + "-taskmanager-1-1", CLUSTER_ID + "-taskmanager-1-2"),
                names(taskManagerPods(client, ns)));
        assertEquals(LongStream.range(0, RECORDS).map(n -> 2 * n).boxed().toList(), written(output));

        await().atMost(Duration.ofSeconds(90)).until(() -> taskManagerPods(client, ns).isEmpty());
        assertEquals(1, client.pods().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID).list().getItems().size());

        Result stopped = run(kube, "kubernetes-session.sh", "stop\n",
                concat(sessionOptions, "-Dexecution.attached=true"));

        assertEquals(0, stopped.exitCode(), stopped.output());
        await().atMost(Duration.ofSeconds(60)).until(() -> sessionObjects(client, ns).isEmpty());
    }

    private static void grantEdit(KubernetesClient client, String ns) {
        client.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata()
                .withName("default-edit").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("edit").endRoleRef().addNewSubject().withKind("ServiceAccount")
                .withName("default").withNamespace(ns).endSubject().build()).create();
    }

    private static boolean accepts(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            return true;
        }
    }

    private static Pod runningPod(KubernetesClient client, String ns, String component) {
        return client.pods().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID).withLabel("component", component)
                .list().getItems().stream().filter(pod -> "Running".equals(pod.getStatus().getPhase())).findFirst()
                .orElse(null);
    }

    private static List<Pod> taskManagerPods(KubernetesClient client, String ns) {
        return client.pods().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID)
                .withLabel("component", "taskmanager").list().getItems();
    }

    private static List<String> sessionObjects(KubernetesClient client, String ns) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(client.apps().deployments().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID).list()
                .getItems());
        objects.addAll(client.services().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID).list().getItems());
        objects.addAll(client.configMaps().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID).list().getItems());
        objects.addAll(client.secrets().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID).list().getItems());
        objects.addAll(client.pods().inNamespace(ns).withLabel(SESSION_LABEL, CLUSTER_ID).list().getItems());
        return objects.stream().map(object -> object.getKind() + "/" + object.getMetadata().getName()).toList();
    }

    private static List<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(object -> object.getMetadata().getName()).sorted().toList();
    }

    private static List<Long> written(Path output) throws IOException {
        List<Long> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                Files.readAllLines(file).forEach(line -> records.add(Long.parseLong(line)));
            }
        }
        records.sort(null);
        return records;
    }

    private Path jar() throws IOException {
        Path classes = Path.of(DoubledNumbersProgram.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        Files.createDirectories(work);
        Path jar = work.resolve("doubled-numbers.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Main-Class", DoubledNumbersProgram.class.getName());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : List.of(DoubledNumbersProgram.class, DoubledNumbersProgram.Doubling.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
        }
        return jar;
    }

    private Result run(LocalKube kube, String script, String stdin, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin").resolve(script).toString()));
        command.addAll(args);
        Files.createDirectories(work);
        Path log = Files.createTempFile(work, script, ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("KUBECONFIG", kube.kubeconfig().toString(),
                "FLINK_CONF_DIR", distribution.resolve("conf").toString()));
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not end: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private record Result(int exitCode, String output) {
    }
}
