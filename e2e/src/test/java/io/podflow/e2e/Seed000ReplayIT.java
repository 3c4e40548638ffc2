package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.e2e.support.ClusterObjects;
import io.podflow.e2e.support.CommandResult;
import io.podflow.e2e.support.Distribution;
import io.podflow.e2e.support.UserShell;
import io.podflow.e2e.support.UserShell.BackgroundCommand;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 000 (Flink's "Native Kubernetes" page) replayed in reading order on localkube: every command typed as the
 * page shows it, through the distribution's {@code bin/} scripts and the {@code kubectl} on the PATH, with only its
 * placeholders filled ({@code <ClusterId>}, {@code <CustomImageName>} = {@code podflow:latest}, {@code <JobID>} from
 * earlier output, {@code <ServiceName>} = {@code <ClusterId>-rest}, the {@code default} namespace = the test's).
 * Each step asserts what the page says the user sees. It is the living walkthrough of that page.
 */
@ExtendWith(LocalKubeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Seed000ReplayIT {

    private static final Duration POD_START = Duration.ofMinutes(4);
    private static final Duration TEARDOWN = Duration.ofMinutes(2);
    private static final String CONFIGURED = "-Dtaskmanager.memory.process.size=4096m -Dkubernetes.taskmanager.cpu=2 "
            + "-Dtaskmanager.numberOfTaskSlots=4";
    private static final String CUSTOM_IMAGE = "podflow:latest";
    private static final String PYTHON_REFUSAL = "Python jobs are not supported yet";
    private static final Pattern CREATED = Pattern.compile("Created session '([a-z0-9-]+)'");
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Pattern WINDOW_JOIN_RUNNING = Pattern.compile(": ([0-9a-f]{32}) : WindowJoin \\(RUNNING\\)");
    /** A (name, grade, salary) WindowJoin prints, with its subtask prefix when it runs in parallel. */
    private static final Pattern JOINED = Pattern.compile("(?m)^(\\d+> )?\\((tom|jerry|alice|bob|john|grace),[1-5],"
            + "\\d{4,5}\\)$");
    private static final String PLUGIN_PREFIX = "podflow-metrics-prometheus-";

    private LocalKube kube;
    private KubernetesClient client;
    private String ns;
    private Distribution dist;
    private UserShell shell;
    private final List<String> clusterRoleBindings = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Path jobInImage;
    private String randomClusterId;

    @BeforeAll
    void openTheShell(LocalKube kube, TestNamespace namespace) throws Exception {
        this.kube = kube;
        this.client = kube.client();
        this.ns = namespace.name();
        this.dist = Distribution.on(kube);
        this.shell = UserShell.in(dist, kube, ns);
    }

    @AfterAll
    void removeWhatTheReplayCreatedOutsideItsNamespace() throws Exception {
        for (String binding : clusterRoleBindings) {
            client.rbac().clusterRoleBindings().withName(binding).delete();
        }
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        if (jobInImage != null) {
            Files.deleteIfExists(jobInImage);
        }
    }

    /** Requirements and RBAC: the namespace's default service account may create and delete pods. */
    @Test
    @Order(1)
    void theDefaultServiceAccountGetsTheEditRole() throws Exception {
        String binding = "flink-role-binding-default-" + ns;
        clusterRoleBindings.add(binding);

        ok(shell.run("kubectl create clusterrolebinding " + binding + " --clusterrole=edit --serviceaccount=" + ns
                + ":default"));

        for (String verb : List.of("list", "create", "delete")) {
            CommandResult canI = shell.run("kubectl auth can-i " + verb + " pods --as=system:serviceaccount:" + ns
                    + ":default");
            assertEquals("yes", canI.output().strip(), verb);
        }
    }

    @Test
    @Order(2)
    void aSessionWithoutAClusterIdGetsARandomOne() throws Exception {
        CommandResult started = ok(shell.run("./bin/kubernetes-session.sh"));

        Matcher created = CREATED.matcher(started.output());
        assertTrue(created.find(), started.output());
        randomClusterId = created.group(1);
        assertTrue(started.output().contains("Session '" + randomClusterId + "' is ready"), started.output());
        assertSessionObjects(randomClusterId);
    }

    @Test
    @Order(3)
    void aSessionWithFourGigabyteTaskManagersOfTwoCpusAndFourSlots() throws Exception {
        ok(shell.run("./bin/kubernetes-session.sh -Dkubernetes.cluster-id=session-a " + CONFIGURED
                + " -Dresourcemanager.taskmanager-timeout=3600000"));

        assertSessionObjects("session-a");
        Map<?, ?> conf = new ObjectMapper(new YAMLFactory()).readValue(client.configMaps().inNamespace(ns)
                .withName("flink-config-session-a").get().getData().get("flink-conf.yaml"), Map.class);
        Map.of("taskmanager.memory.process.size", "4096m", "kubernetes.taskmanager.cpu", "2",
                "taskmanager.numberOfTaskSlots", "4", "resourcemanager.taskmanager-timeout", "3600000")
                .forEach((key, value) -> assertEquals(value, String.valueOf(conf.get(key)), key));
    }

    @Test
    @Order(4)
    void theSameSessionWithACustomImage() throws Exception {
        ok(shell.run("./bin/kubernetes-session.sh -Dkubernetes.cluster-id=session-b " + CONFIGURED
                + " -Dresourcemanager.taskmanager-timeout=3600000 -Dkubernetes.container.image=" + CUSTOM_IMAGE));

        assertSessionObjects("session-b");
        Pod jobManager = objects("session-b").pods(ClusterObjects.JOBMANAGER).get(0);
        assertEquals(CUSTOM_IMAGE, jobManager.getSpec().getContainers().get(0).getImage());
    }

    @Test
    @Order(5)
    void aPyFlinkSessionIsRefusedInOneLineAndCreatesNothing() throws Exception {
        CommandResult refused = shell.run("./bin/kubernetes-session.sh -Dkubernetes.cluster-id=pyflink-session "
                + CONFIGURED + " -Dresourcemanager.taskmanager-timeout=3600000 "
                + "-Dkubernetes.container.image=pyflink:latest");

        assertRefusedInOneLine(refused, 1, PYTHON_REFUSAL);
        assertEquals(List.of(), objects("pyflink-session").labelled());
    }

    @Test
    @Order(6)
    void windowJoinRunsOnTheSessionAndItsOutputShowsInTheTaskManagerLog() throws Exception {
        CommandResult submitted = ok(shell.run("./bin/flink run -d -t kubernetes-session "
                + "-Dkubernetes.cluster-id=session-b examples/streaming/WindowJoin.jar"));

        assertTrue(SUBMITTED.matcher(submitted.output()).find(), submitted.output());
        String taskManager = "session-b-taskmanager-1-1";
        awaitRunning("session-b", List.of(taskManager));
        Pod pod = client.pods().inNamespace(ns).withName(taskManager).get();
        Map<String, Quantity> requests = pod.getSpec().getContainers().get(0).getResources().getRequests();
        assertEquals(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4096Mi")), requests);
        await().atMost(POD_START).until(() -> shell.run("kubectl logs " + taskManager).output(),
                log -> JOINED.matcher(log).find());
    }

    @Test
    @Order(7)
    void aPyFlinkJobIsRefusedInOneLineAndSubmitsNothing() throws Exception {
        CommandResult refused = shell.run("./bin/flink run -d -t kubernetes-session -Dkubernetes.cluster-id=session-b "
                + "-pym scala_function -pyfs examples/python/table/udf");

        assertRefusedInOneLine(refused, 1, PYTHON_REFUSAL);
        CommandResult listed = ok(shell.run("./bin/flink list -t kubernetes-session -Dkubernetes.cluster-id=session-b"));
        assertEquals(1, listed.output().lines().filter(line -> line.contains(" : ")).count(), listed.output());
    }

    @Test
    @Order(8)
    void portForwardToTheRestServiceReachesTheJobManager() throws Exception {
        int port = freeLocalPort(8081);
        String forward = "kubectl port-forward service/session-b-rest " + (port == 8081 ? "8081" : port + ":8081");
        BackgroundCommand forwarding = shell.start(forward);
        toClose.add(forwarding);
        String token = ok(shell.run("kubectl get secret session-b-secret "
                + "-o jsonpath='{.data.rest\\.authentication\\.token}' | base64 -d")).output().strip();
        HttpRequest overview = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/overview"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build();
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> answer = await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                    .until(() -> http.send(overview, HttpResponse.BodyHandlers.ofString()),
                            response -> response.statusCode() == 200);
            JsonNode json = new ObjectMapper().readTree(answer.body());
            assertEquals(1, json.path("taskmanagers").asInt(), answer.body());
            assertEquals(4, json.path("slots-total").asInt(), answer.body());
            assertEquals(1, json.path("jobs-running").asInt(), answer.body());
        } finally {
            forwarding.close();
        }
    }

    @Test
    @Order(9)
    void attachingAndDetachingLeavesTheSessionRunning() throws Exception {
        CommandResult attached = ok(shell.run("./bin/kubernetes-session.sh -Dkubernetes.cluster-id=session-a "
                + "-Dexecution.attached=true"));

        assertTrue(attached.output().contains("Attached to session 'session-a'"), attached.output());
        assertTrue(objects("session-a").labelled().contains("Deployment/session-a"));
    }

    @Test
    @Order(10)
    void stopTypedIntoTheAttachedClientRemovesTheSession() throws Exception {
        ok(shell.run("echo 'stop' | ./bin/kubernetes-session.sh -Dkubernetes.cluster-id=session-a "
                + "-Dexecution.attached=true"));

        awaitNothingLeft("session-a");
    }

    @Test
    @Order(11)
    void deletingTheDeploymentRemovesConfigMapServicesAndPods() throws Exception {
        assertTrue(objects("session-b").labelled().containsAll(List.of("ConfigMap/flink-config-session-b",
                "Service/session-b", "Service/session-b-rest", "Pod/session-b-taskmanager-1-1")),
                objects("session-b").labelled().toString());

        ok(shell.run("kubectl delete deployment/session-b"));
        ok(shell.run("kubectl delete deployment/" + randomClusterId));

        awaitNothingLeft("session-b");
        awaitNothingLeft(randomClusterId);
    }

    @Test
    @Order(12)
    void anApplicationRunsItsJarFromTheImageOnTwoTaskManagersAndCancellingItRemovesItsCluster() throws Exception {
        // the page's image adds the job as $FLINK_HOME/usrlib/my-flink-job.jar; localkube's image is dist's tree
        jobInImage = dist.home().resolve("usrlib/my-flink-job.jar");
        Files.copy(dist.home().resolve("examples/streaming/WindowJoin.jar"), jobInImage,
                StandardCopyOption.REPLACE_EXISTING);

        CommandResult deployed = ok(shell.run("./bin/flink run-application -p 8 -t kubernetes-application "
                + "-Dkubernetes.cluster-id=my-application " + CONFIGURED + " -Dkubernetes.container.image="
                + CUSTOM_IMAGE + " local:///opt/flink/usrlib/my-flink-job.jar"));

        assertTrue(deployed.output().contains("Deployed application cluster 'my-application'"), deployed.output());
        awaitRunning("my-application", List.of("my-application-taskmanager-1-1", "my-application-taskmanager-1-2"));
        String jobId = await().atMost(POD_START).until(() -> WINDOW_JOIN_RUNNING.matcher(shell.run(
                "./bin/flink list -t kubernetes-application -Dkubernetes.cluster-id=my-application").output()),
                Matcher::find).group(1);

        // the page's "log files" section is about any running pod: this JobManager is the one running here
        String jobManager = objects("my-application").pods(ClusterObjects.JOBMANAGER).get(0).getMetadata().getName();
        assertTrue(ok(shell.run("kubectl logs " + jobManager)).output().contains(jobId));
        // kubectl 1.25+ no longer takes the page's `kubectl exec -it <PodName> bash`; it wants `-- bash`
        CommandResult inside = shell.runInTerminal("kubectl exec -it " + jobManager + " -- bash",
                "ls /opt/flink/log\necho $FLINK_HOME\nexit\n");
        assertEquals(0, inside.exitCode(), inside.output());
        assertTrue(inside.output().contains("-jobmanager-0-" + jobManager + ".log"), inside.output());
        assertTrue(inside.output().lines().anyMatch(line -> line.strip().equals("/opt/flink")), inside.output());

        CommandResult cancelled = ok(shell.run("./bin/flink cancel -t kubernetes-application "
                + "-Dkubernetes.cluster-id=my-application " + jobId));

        assertTrue(cancelled.output().contains("Cancelled job " + jobId), cancelled.output());
        awaitNothingLeft("my-application");
    }

    @Test
    @Order(13)
    void aPyFlinkApplicationIsRefusedInOneLineAndCreatesNothing() throws Exception {
        CommandResult refused = shell.run("./bin/flink run-application -p 8 -t kubernetes-application "
                + "-Dkubernetes.cluster-id=my-pyflink-app " + CONFIGURED + " "
                + "-Dkubernetes.container.image=my-pyflink-app:latest -pym word_count -pyfs /opt/python_codes");

        assertRefusedInOneLine(refused, 1, PYTHON_REFUSAL);
        assertEquals(List.of(), objects("my-pyflink-app").labelled());
    }

    @Test
    @Order(14)
    void aBuiltInPluginEnabledThroughTheEnvironmentIsInThePodsPluginsFolder() throws Exception {
        String plugin = shippedPlugin();
        assumeTrue(plugin != null, "no " + PLUGIN_PREFIX + "*.jar is shipped in the distribution's opt/");
        String name = plugin.substring(0, plugin.length() - ".jar".length());

        ok(shell.run("./bin/flink run-application -p 8 -t kubernetes-application -Dkubernetes.cluster-id=my-plugins "
                + "-Dkubernetes.container.image=" + CUSTOM_IMAGE
                + " -Dcontainerized.master.env.ENABLE_BUILT_IN_PLUGINS=" + plugin
                + " -Dcontainerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS=" + plugin
                + " local:///opt/flink/usrlib/my-flink-job.jar"));

        await().atMost(POD_START).until(() -> objects("my-plugins").runningPods(ClusterObjects.JOBMANAGER),
                pods -> !pods.isEmpty());
        String jobManager = objects("my-plugins").runningPods(ClusterObjects.JOBMANAGER).get(0).getMetadata()
                .getName();
        CommandResult listed = ok(shell.run("kubectl exec " + jobManager + " -- ls /opt/flink/plugins/" + name));
        assertEquals(plugin, listed.output().strip());

        ok(shell.run("kubectl delete deployment/my-plugins"));
        awaitNothingLeft("my-plugins");
        // other tests' applications would find it in their usrlib/ too
        Files.delete(jobInImage);
    }

    @Test
    @Order(15)
    void aSecretNameKubernetesWouldRefuseIsRefusedBeforeAnythingIsCreated() throws Exception {
        CommandResult refused = shell.run("./bin/kubernetes-session.sh -Dkubernetes.cluster-id=secrets-session "
                + "-Dkubernetes.container.image=" + CUSTOM_IMAGE
                + " -Dkubernetes.env.secretKeyRef=env:FOO_ENV,secret:foo_secret,key:foo_key");

        assertRefusedInOneLine(refused, 2, "kubernetes.env.secretKeyRef: secret name 'foo_secret' is not a DNS-1123 "
                + "subdomain");
        assertEquals(List.of(), objects("secrets-session").labelled());
    }

    @Test
    @Order(16)
    void secretsAsFilesAndAsEnvironmentAreSeenInsideTheRunningTaskManager() throws Exception {
        ok(shell.run("kubectl create secret generic foo --from-literal=password=file-secret"));
        ok(shell.run("kubectl create secret generic foo-secret --from-literal=foo_key=env-secret"));

        ok(shell.run("./bin/kubernetes-session.sh -Dkubernetes.cluster-id=secrets-session "
                + "-Dkubernetes.container.image=" + CUSTOM_IMAGE + " -Dkubernetes.secrets=foo:/opt/foo "
                + "-Dkubernetes.env.secretKeyRef=env:FOO_ENV,secret:foo-secret,key:foo_key"));
        ok(shell.run("./bin/flink run -d -t kubernetes-session -Dkubernetes.cluster-id=secrets-session "
                + "examples/streaming/WindowJoin.jar"));

        String taskManager = "secrets-session-taskmanager-1-1";
        awaitRunning("secrets-session", List.of(taskManager));
        assertEquals("file-secret", ok(shell.run("kubectl exec " + taskManager + " -- cat /opt/foo/password"))
                .output().strip());
        assertEquals("env-secret", ok(shell.run("kubectl exec " + taskManager + " -- printenv FOO_ENV")).output()
                .strip());
        stop("secrets-session");
    }

    /**
     * Namespace and RBAC: a session started in the namespace it is given, its JobManager running as service account
     * {@code flink}, which the page's two commands allow to create the TaskManager pods there.
     */
    @Test
    @Order(17)
    void aSessionInTheNamespaceItIsGivenCreatesTaskManagerPodsAsItsOwnServiceAccount() throws Exception {
        TestNamespace other = kube.createNamespace();
        toClose.add(other);
        String binding = "flink-role-binding-flink-" + other.name();
        clusterRoleBindings.add(binding);
        // the page creates the account in kubectl's current namespace; here it is the session's other one
        ok(shell.run("kubectl create serviceaccount flink -n " + other.name()));
        ok(shell.run("kubectl create clusterrolebinding " + binding + " --clusterrole=edit --serviceaccount="
                + other.name() + ":flink"));
        String session = "-Dkubernetes.cluster-id=flink-account -Dkubernetes.namespace=" + other.name();

        ok(shell.run("./bin/kubernetes-session.sh " + session + " -Dkubernetes.jobmanager.service-account=flink"));
        ok(shell.run("./bin/flink run -d -t kubernetes-session " + session + " examples/streaming/WindowJoin.jar"));

        ClusterObjects objects = new ClusterObjects(client, other.name(), "flink-account");
        assertEquals("flink", objects.pods(ClusterObjects.JOBMANAGER).get(0).getSpec().getServiceAccountName());
        await().atMost(POD_START).until(() -> ClusterObjects.names(objects.pods(ClusterObjects.TASKMANAGER)),
                List.of("flink-account-taskmanager-1-1")::equals);
        assertEquals(List.of(), objects("flink-account").labelled());
        ok(shell.run("echo 'stop' | ./bin/kubernetes-session.sh " + session + " -Dexecution.attached=true"));
        await().atMost(TEARDOWN).until(() -> objects.labelled().isEmpty());
    }

    /** What {@code kubectl get} shows of a ready session: its JobManager pod, Services and ConfigMap. */
    private void assertSessionObjects(String clusterId) throws Exception {
        String pods = ok(shell.run("kubectl get pods -l app=" + clusterId + ",component=jobmanager "
                + "-o custom-columns=NAME:.metadata.name,STATUS:.status.phase --no-headers")).output();
        assertTrue(pods.strip().matches(Pattern.quote(clusterId) + "-[a-z0-9]+-[a-z0-9]+\\s+Running"), pods);
        Map<String, String> serviceTypes = client.services().inNamespace(ns).withLabel("app", clusterId).list()
                .getItems().stream().collect(Collectors.toMap(service -> service.getMetadata().getName(),
                        service -> service.getSpec().getType()));
        assertEquals(Map.of(clusterId, "ClusterIP", clusterId + "-rest", "ClusterIP"), serviceTypes);
        assertEquals("None", client.services().inNamespace(ns).withName(clusterId).get().getSpec().getClusterIP());
        assertTrue(objects(clusterId).labelled().contains("ConfigMap/flink-config-" + clusterId));
    }

    private void awaitRunning(String clusterId, List<String> taskManagers) {
        await().atMost(POD_START).until(() -> ClusterObjects.names(objects(clusterId)
                .runningPods(ClusterObjects.TASKMANAGER)), taskManagers::equals);
    }

    private void stop(String clusterId) throws Exception {
        ok(shell.run("echo 'stop' | ./bin/kubernetes-session.sh -Dkubernetes.cluster-id=" + clusterId
                + " -Dexecution.attached=true"));
        awaitNothingLeft(clusterId);
    }

    private void awaitNothingLeft(String clusterId) {
        await().atMost(TEARDOWN).until(() -> objects(clusterId).labelled().isEmpty());
    }

    private ClusterObjects objects(String clusterId) {
        return new ClusterObjects(client, ns, clusterId);
    }

    private String shippedPlugin() throws IOException {
        try (var jars = Files.list(dist.home().resolve("opt"))) {
            return jars.map(jar -> jar.getFileName().toString())
                    .filter(jar -> jar.startsWith(PLUGIN_PREFIX) && jar.endsWith(".jar")).findFirst().orElse(null);
        }
    }

    private static CommandResult ok(CommandResult result) {
        assertEquals(0, result.exitCode(), result.output());
        return result;
    }

    private static void assertRefusedInOneLine(CommandResult result, int exitCode, String start) {
        assertEquals(exitCode, result.exitCode(), result.output());
        assertEquals(1, result.output().strip().lines().count(), result.output());
        assertTrue(result.output().startsWith(start), result.output());
    }

    /** {@code preferred} when nothing listens on it here, else any free port. */
    private static int freeLocalPort(int preferred) throws IOException {
        try (ServerSocket socket = new ServerSocket(preferred)) {
            return preferred;
        } catch (IOException taken) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
