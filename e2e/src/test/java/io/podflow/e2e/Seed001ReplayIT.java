package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.e2e.support.CommandResult;
import io.podflow.e2e.support.Distribution;
import io.podflow.e2e.support.LineServer;
import io.podflow.e2e.support.PodProcesses;
import io.podflow.e2e.support.UserShell;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001 ("Flink on TKE/EKS") replayed on localkube with the {@code kubectl} on the PATH: its three deployments,
 * each step asserting what the page says the user sees. It is the living walkthrough of that page.
 *
 * <p>The seed's manifests are in {@code seed-001/} exactly as written. What podflow needs beside them is in
 * kustomizations next to them, applied with {@code kubectl apply -k} instead of {@code -f}: a Secret with the
 * cluster secret and REST token podflow will not run without, {@code POD_IP} so servers bind their pod's address on
 * localkube's shared network, and, for the job cluster, the image with the job jar and the Service and TaskManagers
 * the seed lists without showing. The socket the seed's WordCount reads ({@code nc -lk 9999}) is a
 * {@link LineServer} on the same port.
 */
@ExtendWith(LocalKubeExtension.class)
class Seed001ReplayIT {

    private static final Path SEED = resource("/seed-001/flink.yaml").getParent();
    private static final Path JOB_CLUSTER = SEED.resolve("job-cluster");
    private static final Path NATIVE = SEED.resolve("native");
    private static final int NC_PORT = 9999;
    private static final Duration POD_START = Duration.ofMinutes(4);
    private static final Duration JOB_OUTPUT = Duration.ofMinutes(1);
    private static final long WINDOW_MILLIS = 5000;
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";
    /** A line of the seed's log4j 1.x ConversionPattern {@code %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n}. */
    private static final String SEED_LOG_LINE = TIME + " [A-Z ]{5} .{60,} - .*";
    private static final Pattern PRINTED_COUNT = Pattern.compile("^(?:\\d+> )?\\((\\w+),(\\d+)\\)$");
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    /** The native section's fixed names: its namespace and its ClusterRoleBinding. */
    private static final String FLINK_NS = "flink";
    private static final String ROLE_BINDING = "flink-role-binding";

    /**
     * The session cluster: {@code flink.yaml}'s ConfigMap (the legacy {@code jobmanager.heap.size}, a log4j 1.x
     * {@code log4j.properties}), its JobManager and two TaskManagers started by {@code jobmanager.sh start} /
     * {@code taskmanager.sh start} as user 9999, its Services; the socket WordCount on it, the LoadBalancer patch
     * and the removal.
     */
    @Test
    void sessionClusterFromFlinkYaml(LocalKube kube, KubernetesClient client, TestNamespace namespace)
            throws Exception {
        String ns = namespace.name();
        Distribution dist = Distribution.on(kube);
        UserShell shell = UserShell.in(dist, kube, ns);
        try (LineServer nc = LineServer.on(NC_PORT)) {
            // kubectl apply -f flink.yaml, in a namespace of its own as the seed's note says
            ok(shell.run("kubectl apply -k " + SEED + " -n " + ns));

            Pod jobManager = await().atMost(POD_START).until(() -> running(client, ns, "component", "jobmanager"),
                    pods -> pods.size() == 1).get(0);
            List<Pod> taskManagers = await().atMost(POD_START).until(
                    () -> running(client, ns, "component", "taskmanager"), pods -> pods.size() == 2);

            // jobmanager.sh start daemonized the JobManager, and the container's tail loop shows its log, written
            // through the seed's log4j 1.x file
            String jobManagerLog = awaitOutput(shell, "kubectl logs -n " + ns + " " + name(jobManager),
                    log -> log.contains("JobManager ready"));
            assertTrue(jobManagerLog.startsWith("Starting jobmanager daemon on host " + name(jobManager)),
                    jobManagerLog);
            assertTrue(jobManagerLog.lines().filter(line -> line.contains("JobManager ready")).findFirst()
                    .orElseThrow().matches(SEED_LOG_LINE), jobManagerLog);
            List<String> deprecations = jobManagerLog.lines().filter(line -> line.contains("deprecated")).toList();
            assertEquals(1, deprecations.size(), jobManagerLog);
            assertTrue(deprecations.get(0).contains("Configuration key 'jobmanager.heap.size' is deprecated, use "
                    + "'jobmanager.memory.heap.size'"), deprecations.get(0));

            // jobmanager.sh start and taskmanager.sh start left their JVMs running as the image's user flink
            List<ProcessHandle> jvms = new ArrayList<>();
            jvms.add(jvmOf(kube, ns, jobManager, "jobmanager"));
            for (Pod taskManager : taskManagers) {
                jvms.add(jvmOf(kube, ns, taskManager, "taskmanager"));
            }
            for (ProcessHandle jvm : jvms) {
                assertEquals("9999", uidOf(jvm), jvm.info().toString());
            }

            // the two TaskManagers registered; the REST API answers on the NodePort Service flink-jobmanager-rest
            String token = restToken(client, ns);
            URI nodePort = URI.create("http://" + nodeAddress(client) + ":" + client.services().inNamespace(ns)
                    .withName("flink-jobmanager-rest").get().getSpec().getPorts().get(0).getNodePort());
            await().atMost(POD_START).ignoreExceptions()
                    .until(() -> get(nodePort, "/taskmanagers", token).path("taskmanagers").size() == 2);

            // the seed's WordCount: socketTextStream(host, 9999), 5 s windows, print(), submitted to the session
            CommandResult submitted = ok(shell.run("./bin/flink run -d -m " + nodePort.getHost() + ":"
                    + nodePort.getPort() + " -Drest.authentication.token=" + token
                    + " -p 2 examples/streaming/WordCount.jar --hostname 127.0.0.1 --port " + NC_PORT));
            assertTrue(SUBMITTED.matcher(submitted.output()).find(), submitted.output());
            await().atMost(POD_START).until(() -> nc.clients() == 1);
            Map<String, Long> sent = typeOneWindow(nc, ns);
            // print() writes to the TaskManager's stdout, which taskmanager.sh start keeps in log/*taskmanager*.out
            String readOut = " -- bash -c 'cat log/*taskmanager*.out'";
            await().atMost(JOB_OUTPUT).until(() -> printedCounts(shell, ns, taskManagers, readOut, sent), sent::equals);

            // the tcpSocket liveness probes passed: every pod Ready, none restarted
            for (Pod pod : client.pods().inNamespace(ns).withLabel("app", "flink").list().getItems()) {
                ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
                assertTrue(status.getReady(), name(pod));
                assertEquals(0, status.getRestartCount(), name(pod));
            }

            // kubectl patch service flink-jobmanager -p '{"spec":{"type":"LoadBalancer"}}': its EXTERNAL-IP serves
            ok(shell.run("kubectl patch service flink-jobmanager -n " + ns
                    + " -p '{\"spec\":{\"type\":\"LoadBalancer\"}}'"));
            String externalIp = await().atMost(Duration.ofMinutes(1)).until(
                    () -> loadBalancerIp(client.services().inNamespace(ns).withName("flink-jobmanager").get()),
                    ip -> ip != null);
            assertTrue(ok(shell.run("kubectl get service flink-jobmanager -n " + ns)).output().contains(externalIp));
            URI loadBalancer = URI.create("http://" + externalIp + ":8081");
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                    .until(() -> get(loadBalancer, "/overview", token).path("taskmanagers").asInt() == 2);

            // kubectl delete -f flink.yaml leaves nothing
            ok(shell.run("kubectl delete -k " + SEED + " -n " + ns));
            await().atMost(Duration.ofMinutes(2)).until(() -> client.pods().inNamespace(ns).list().getItems()
                    .isEmpty() && jvms.stream().noneMatch(ProcessHandle::isAlive));
            assertTrue(client.apps().deployments().inNamespace(ns).list().getItems().isEmpty());
            assertTrue(client.services().inNamespace(ns).list().getItems().isEmpty());
            assertEquals(null, client.configMaps().inNamespace(ns).withName("flink-config").get());
            assertEquals(null, client.secrets().inNamespace(ns).withName("flink-secret").get());
        }
    }

    /**
     * {@code kubectl apply -f flink.yaml} exactly as the seed wrote it: the manifest has no Secret, and podflow runs
     * no cluster whose RPC anyone could call, so the JobManager's log, which the container's tail loop shows, says
     * in one line what is missing and where it can come from (the kustomization the other tests apply adds it).
     */
    @Test
    void flinkYamlAsWrittenSaysWhatPodflowNeedsBesideIt(LocalKube kube, KubernetesClient client,
            TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        UserShell shell = UserShell.in(Distribution.on(kube), kube, ns);
        ok(shell.run("kubectl apply -f " + SEED.resolve("flink.yaml") + " -n " + ns));
        Pod jobManager = await().atMost(POD_START).until(() -> running(client, ns, "component", "jobmanager"),
                pods -> pods.size() == 1).get(0);
        String log = awaitOutput(shell, "kubectl logs -n " + ns + " " + name(jobManager),
                output -> output.contains("The JobManager cannot start"));
        String refusal = log.lines().filter(line -> line.contains("The JobManager cannot start")).findFirst()
                .orElseThrow();
        assertTrue(refusal.contains("cluster.secret is not set") && refusal.contains("PODFLOW_CLUSTER_SECRET"),
                refusal);
        ok(shell.run("kubectl delete -f " + SEED.resolve("flink.yaml") + " -n " + ns));
        await().atMost(Duration.ofMinutes(2)).until(() -> client.pods().inNamespace(ns).list().getItems().isEmpty());
    }

    /**
     * The job cluster: the seed's {@code batch/v1} Job runs {@code standalone-job.sh start-foreground} with its
     * {@code -D} arguments in an image whose {@code /opt/flink/lib} holds the job jar: the seed's socket WordCount
     * (the shipped example, which reads {@code localhost:9999} without arguments as the seed's jar reads its
     * machine). Closing the socket, as stopping {@code nc} does, ends its input, so the job finishes and the
     * Kubernetes Job completes.
     */
    @Test
    void jobClusterFromItsKubernetesJob(LocalKube kube, KubernetesClient client, TestNamespace namespace)
            throws Exception {
        String ns = namespace.name();
        Distribution dist = Distribution.on(kube);
        // COPY flink-on-kubernetes-0.0.1-SNAPSHOT-jar-with-dependencies.jar /opt/flink/lib/
        Path jobJar = dist.home().resolve("lib").resolve("flink-on-kubernetes-" + ns + "-jar-with-dependencies.jar");
        UserShell shell = UserShell.in(dist, kube, ns);
        try (LineServer nc = LineServer.on(NC_PORT)) {
            Files.copy(dist.home().resolve("examples/streaming/WordCount.jar"), jobJar);
            ok(shell.run("kubectl apply -k " + JOB_CLUSTER + " -n " + ns));

            await().atMost(POD_START.multipliedBy(2)).until(() -> nc.clients() == 1);
            Map<String, Long> sent = typeOneWindow(nc, ns);
            String logs = "kubectl logs -n " + ns + " deployment/flink-on-kubernetes-taskmanager";
            await().atMost(JOB_OUTPUT).until(() -> countsIn(shell.run(logs).output(), sent.keySet()), sent::equals);

            nc.close();
            await().atMost(POD_START).until(() -> succeeded(client.batch().v1().jobs().inNamespace(ns)
                    .withName("flink-on-kubernetes-jobmanager").get()));
            String jobManagerLog = ok(shell.run("kubectl logs -n " + ns + " job/flink-on-kubernetes-jobmanager"))
                    .output();
            assertTrue(jobManagerLog.contains("The application io.podflow.examples.WordCount finished"),
                    jobManagerLog);
        } finally {
            Files.deleteIfExists(jobJar);
        }
    }

    /**
     * Native Kubernetes: {@code kubectl create ns flink}, the seed's ServiceAccount and ClusterRoleBinding, and its
     * boot Job running {@code kubernetes-session.sh} inside the cluster with the service account's credentials.
     */
    @Test
    void nativeSessionFromABootJob(LocalKube kube, KubernetesClient client) throws Exception {
        removeNativeObjects(client);
        UserShell shell = UserShell.in(Distribution.on(kube), kube, FLINK_NS);
        try {
            ok(shell.run("kubectl create ns " + FLINK_NS));
            ok(shell.run("kubectl apply -f " + NATIVE.resolve("rbac.yaml")));
            // the API server admits the boot pod once the service account has its token
            client.serviceAccounts().inNamespace(FLINK_NS).withName("flink").waitUntilCondition(
                    account -> account != null && !account.getSecrets().isEmpty(), 1, TimeUnit.MINUTES);
            ok(shell.run("kubectl apply -f " + NATIVE.resolve("boot-flink.yaml")));

            // $ kubectl -n flink get pod: roc-<hash> Running, boot-flink-<id> Completed
            awaitOrShow(POD_START.multipliedBy(2), () -> {
                String pods = shell.run("kubectl -n " + FLINK_NS + " get pod").output();
                return pods.matches("(?s).*\\nroc-[a-z0-9]+-[a-z0-9]+ +1/1 +Running +0 .*")
                        && pods.matches("(?s).*\\nboot-flink-[a-z0-9]+ +0/1 +Completed +0 .*");
            }, shell, "kubectl -n " + FLINK_NS + " get pod; kubectl -n " + FLINK_NS + " logs job/boot-flink");

            String booted = ok(shell.run("kubectl -n " + FLINK_NS + " logs job/boot-flink")).output();
            assertTrue(booted.contains("Session 'roc' is ready"), booted);

            // $ kubectl -n flink get svc: roc and roc-rest. The seed shows roc-rest as a LoadBalancer, Flink 1.10's
            // default for kubernetes.rest-service.exposed.type; Flink's docs now give ClusterIP, as podflow does.
            String services = ok(shell.run("kubectl -n " + FLINK_NS + " get svc")).output();
            assertTrue(services.matches("(?s).*\\nroc +ClusterIP +\\S+ +<none> +6123/TCP,6124/TCP .*"), services);
            assertTrue(services.matches("(?s).*\\nroc-rest +ClusterIP +\\S+ +<none> +8081/TCP .*"), services);
        } finally {
            removeNativeObjects(client);
        }
    }

    /** Deletes the native section's fixed-name objects, also those an aborted earlier run left. */
    private static void removeNativeObjects(KubernetesClient client) {
        client.rbac().clusterRoleBindings().withName(ROLE_BINDING).delete();
        client.namespaces().withName(FLINK_NS).delete();
        await().atMost(Duration.ofMinutes(3)).until(() -> client.namespaces().withName(FLINK_NS).get() == null);
    }

    /**
     * Types word {@code i} of a run-specific set {@code i + 1} times into {@code nc}, in one burst early in a 5 s
     * window so that no word is split over two windows; returns the counts typed.
     */
    private static Map<String, Long> typeOneWindow(LineServer nc, String ns) throws IOException {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> System.currentTimeMillis() % WINDOW_MILLIS > 200
                        && System.currentTimeMillis() % WINDOW_MILLIS < 2500);
        String tag = ns.replaceAll("[^a-z0-9]", "");
        Map<String, Long> sent = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (String word : List.of("alpha", "beta", "gamma")) {
            long times = sent.size() + 1;
            for (int n = 0; n < times; n++) {
                lines.add(tag + word + " " + tag + "to");
            }
            sent.put(tag + word, times);
            sent.merge(tag + "to", times, Long::sum);
        }
        nc.type(lines);
        return sent;
    }

    /** The counts printed into the TaskManagers' .out files for the words of {@code sent}. */
    private static Map<String, Long> printedCounts(UserShell shell, String ns, List<Pod> taskManagers,
            String readOut, Map<String, Long> sent) throws IOException, InterruptedException {
        StringBuilder printed = new StringBuilder();
        for (Pod taskManager : taskManagers) {
            printed.append(shell.run("kubectl exec -n " + ns + " " + name(taskManager) + readOut).output());
        }
        return countsIn(printed.toString(), sent.keySet());
    }

    /** Every {@code (word,count)} line of {@code output} for one of {@code words}. */
    private static Map<String, Long> countsIn(String output, Set<String> words) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : output.lines().toList()) {
            Matcher count = PRINTED_COUNT.matcher(line.strip());
            if (count.matches() && words.contains(count.group(1))) {
                counts.merge(count.group(1), Long.parseLong(count.group(2)), Long::sum);
            }
        }
        return counts;
    }

    private static List<Pod> running(KubernetesClient client, String ns, String label, String value) {
        return client.pods().inNamespace(ns).withLabel(label, value).list().getItems().stream()
                .filter(pod -> "Running".equals(pod.getStatus().getPhase())).toList();
    }

    private static ProcessHandle jvmOf(LocalKube kube, String ns, Pod pod, String container) {
        return await().atMost(POD_START).until(() -> PodProcesses.jvm(kube, ns, name(pod), container),
                Optional::isPresent).orElseThrow();
    }

    private static String uidOf(ProcessHandle process) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
    }

    /** The REST token, read from the Secret as a user would with {@code kubectl get secret}. */
    private static String restToken(KubernetesClient client, String ns) {
        String encoded = client.secrets().inNamespace(ns).withName("flink-secret").get().getData()
                .get("rest.authentication.token");
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static String nodeAddress(KubernetesClient client) {
        return client.nodes().list().getItems().get(0).getStatus().getAddresses().stream()
                .filter(address -> "InternalIP".equals(address.getType())).map(NodeAddress::getAddress).findFirst()
                .orElseThrow();
    }

    private static String loadBalancerIp(Service service) {
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null) {
            return null;
        }
        return service.getStatus().getLoadBalancer().getIngress().stream().map(LoadBalancerIngress::getIp)
                .findFirst().orElse(null);
    }

    private static JsonNode get(URI rest, String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(rest.resolve(path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    private static boolean succeeded(Job job) {
        return job != null && job.getStatus() != null && Integer.valueOf(1).equals(job.getStatus().getSucceeded());
    }

    private static String awaitOutput(UserShell shell, String command, Predicate<String> done) {
        return await().atMost(POD_START).until(() -> shell.run(command).output(), done);
    }

    /** Waits for {@code condition}; when it does not come, fails with what {@code diagnostics} prints. */
    private static void awaitOrShow(Duration timeout, Callable<Boolean> condition, UserShell shell,
            String diagnostics) throws IOException, InterruptedException {
        try {
            await().atMost(timeout).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + shell.run(diagnostics).output(), e);
        }
    }

    private static CommandResult ok(CommandResult result) {
        assertEquals(0, result.exitCode(), result.output());
        return result;
    }

    private static String name(Pod pod) {
        return pod.getMetadata().getName();
    }

    private static Path resource(String name) {
        try {
            return Path.of(Seed001ReplayIT.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
