package io.podflow.localkube.kubelet;

import static io.podflow.localkube.kubelet.KubeletTestPods.POD_TIMEOUT;
import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPod;
import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPods;
import static io.podflow.localkube.kubelet.KubeletTestPods.phase;
import static io.podflow.localkube.kubelet.KubeletTestPods.ready;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a user does with {@code kubectl} (the one on the PATH, whatever its version) against localkube's
 * kubelet API and Service exposure: logs with --tail and -f, exec with env, stdin and exit code,
 * runAsUser, port-forward to a pod and to a Service, NodePort and LoadBalancer reachability across a
 * pod replacement.
 */
@ExtendWith(LocalKubeExtension.class)
class KubeletApiIT {

    private static final String WAIT_THEN_FOUR = "echo one; echo two; echo three;"
            + " while [ ! -e /tmp/go ]; do sleep 0.2; done; echo four; exec sleep 600";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void logsServeTheWholeOutputItsTailAndFollowNewLines(LocalKube localKube, TestNamespace namespace) {
        Kubectl kubectl = new Kubectl(localKube.kubeconfig(), namespace.name());
        startShellPod(localKube.client(), namespace.name(), "talker", WAIT_THEN_FOUR, Optional.empty());
        await().atMost(POD_TIMEOUT).until(() -> kubectl.run("logs", "talker").out().contains("three"));

        assertEquals("one\ntwo\nthree\n", kubectl.run("logs", "talker").out());
        assertEquals("two\nthree\n", kubectl.run("logs", "talker", "--tail", "2").out());
        assertEquals("three\n", kubectl.run("logs", "pod/talker", "-c", "main", "--tail=1").out());

        Process follow = kubectl.start("logs", "-f", "talker");
        StringBuffer followed = new StringBuffer();
        Kubectl.drain(follow.getInputStream(), followed);
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> followed.toString().contains("three\n"));
            assertEquals(0, kubectl.run("exec", "talker", "--", "touch", "/tmp/go").exitCode());
            await().atMost(Duration.ofMinutes(1)).until(() -> followed.toString().equals("one\ntwo\nthree\nfour\n"));
        } finally {
            follow.destroyForcibly();
        }
    }

    @Test
    void logsShowTheCurrentRunOrThePreviousOneWithTimestampsAndSince(LocalKube localKube, TestNamespace namespace) {
        Kubectl kubectl = new Kubectl(localKube.kubeconfig(), namespace.name());
        KubernetesClient client = localKube.client();
        // the emptyDir outlives the first run, so the second run knows it is the second
        client.pods().inNamespace(namespace.name()).resource(new PodBuilder()
                .withNewMetadata().withName("restarter").endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(1L)
                .addNewContainer().withName("main").withImage("debian:bookworm").withCommand("sh", "-c",
                        "if [ -e /data/ran ]; then echo second run; exec sleep 600; fi; touch /data/ran;"
                                + " echo first run; exit 1")
                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().build()).create();
        await().atMost(POD_TIMEOUT).until(() -> kubectl.run("logs", "restarter").out().equals("second run\n"));

        assertEquals("first run\n", kubectl.run("logs", "restarter", "--previous").out());
        String stamped = kubectl.run("logs", "restarter", "--timestamps").out();
        assertTrue(stamped.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z second run\n"), stamped);
        assertTrue(kubectl.run("logs", "restarter", "-p", "--timestamps").out().endsWith("Z first run\n"));
        Instant written = Instant.parse(stamped.substring(0, stamped.indexOf(' ')));
        // --since-time reaches the kubelet in whole seconds
        assertEquals("second run\n", kubectl.run("logs", "restarter", "--since-time=" + written).out());
        assertEquals("", kubectl.run("logs", "restarter", "--since-time=" + written.plusSeconds(1)).out());
        assertEquals("second run\n", kubectl.run("logs", "restarter", "--since=1h").out());
    }

    @Test
    void execRunsInThePodWithItsHostnameEnvironmentStdinAndExitCode(LocalKube localKube, TestNamespace namespace) {
        Kubectl kubectl = new Kubectl(localKube.kubeconfig(), namespace.name());
        startShellPod(localKube.client(), namespace.name(), "talker", "exec sleep 600", Optional.empty());

        assertEquals(new Kubectl.Result(0, "talker\n", ""), kubectl.run("exec", "talker", "--", "hostname"));
        assertEquals("hello from the pod\n", kubectl.run("exec", "talker", "--", "sh", "-c", "echo $GREETING").out());
        assertEquals("hi\n", kubectl.runWithInput("hi\n", "exec", "-i", "talker", "--", "cat").out());
        Kubectl.Result failed = kubectl.run("exec", "talker", "--", "sh", "-c", "echo oops >&2; exit 3");
        assertEquals(3, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("oops"), failed.toString());
        // exec joins the container's own mount namespace: its private /tmp, not the host's
        assertEquals(0, kubectl.run("exec", "talker", "--", "touch", "/tmp/only-in-the-pod").exitCode());
        assertEquals(0, kubectl.run("exec", "talker", "--", "test", "-e", "/tmp/only-in-the-pod").exitCode());
        assertTrue(!Files.exists(Path.of("/tmp/only-in-the-pod")));
    }

    @Test
    void execWithATtyGivesTheCommandATerminalOfTheUsersSize(LocalKube localKube, TestNamespace namespace) {
        Kubectl kubectl = new Kubectl(localKube.kubeconfig(), namespace.name());
        startShellPod(localKube.client(), namespace.name(), "talker", "exec sleep 600", Optional.empty());

        // script gives kubectl a terminal of 43 rows and 132 columns; the command prints the size its own
        // terminal gets once kubectl's first resize message has been applied (which signals SIGWINCH)
        Kubectl.Result result = kubectl.inTerminal(43, 132, "exec", "-it", "talker", "--", "sh", "-c",
                "tty; trap 'stty size; exit 0' WINCH; while :; do sleep 0.1; done");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("/dev/pts/") && result.out().contains("43 132"), result.toString());
    }

    @Test
    void runAsUserRunsTheCommandAndExecAsThatUser(LocalKube localKube, TestNamespace namespace) throws IOException {
        Kubectl kubectl = new Kubectl(localKube.kubeconfig(), namespace.name());
        startShellPod(localKube.client(), namespace.name(), "flink", "touch /tmp/written; exec sleep 600",
                Optional.of(9999L));

        long owner = KubeletTestPods.pid(localKube, namespace.name(), "flink", "main");
        String command = Files.readString(Path.of("/proc/" + owner + "/task/" + owner + "/children")).trim();
        List<String> status = Files.readAllLines(Path.of("/proc/" + command.split(" ")[0] + "/status"));
        assertTrue(status.contains("Uid:\t9999\t9999\t9999\t9999"), status.toString());
        assertTrue(status.contains("Gid:\t0\t0\t0\t0"), status.toString());
        assertEquals("9999\n", kubectl.run("exec", "flink", "--", "id", "-u").out());
        assertEquals("9999\n", kubectl.run("exec", "flink", "--", "stat", "-c", "%u", "/tmp/written").out());
    }

    @Test
    void portForwardNodePortAndLoadBalancerReachAReadyPodAndFollowItsReplacement(LocalKube localKube,
            TestNamespace namespace) throws Exception {
        KubernetesClient client = localKube.client();
        String ns = namespace.name();
        Kubectl kubectl = new Kubectl(localKube.kubeconfig(), ns);
        client.apps().deployments().inNamespace(ns).resource(KubeletTestPods.echoDeployment(1)).create();
        Service service = client.services().inNamespace(ns).resource(new ServiceBuilder()
                .withNewMetadata().withName("echo").endMetadata()
                .withNewSpec().withType("NodePort").addToSelector("app", "echo")
                .addNewPort().withPort(80).withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
        String first = awaitReadyEcho(client, ns, null);

        int podPort = freePort();
        Process toPod = kubectl.start("port-forward", "pod/" + first, podPort + ":8080");
        int servicePort = freePort();
        Process toService = kubectl.start("port-forward", "service/echo", servicePort + ":80");
        try {
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                    .until(() -> get("http://127.0.0.1:" + podPort + "/").equals(first));
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                    .until(() -> get("http://127.0.0.1:" + servicePort + "/").equals(first));
            assertEquals(first, get("http://127.0.0.1:" + podPort + "/"), "a second request through the same forward");
        } finally {
            toPod.destroyForcibly();
            toService.destroyForcibly();
        }

        String nodePortUrl = "http://127.0.100.1:" + service.getSpec().getPorts().get(0).getNodePort() + "/";
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> get(nodePortUrl).equals(first));

        assertEquals(0, kubectl.run("patch", "service", "echo", "-p", "{\"spec\":{\"type\":\"LoadBalancer\"}}").exitCode());
        String externalIp = await().atMost(Duration.ofMinutes(1)).until(() -> kubectl.run("get", "service", "echo", "-o",
                "jsonpath={.status.loadBalancer.ingress[0].ip}").out(), ip -> !ip.isEmpty());
        assertTrue(externalIp.startsWith("127.0.200."), externalIp);
        assertTrue(kubectl.run("get", "service", "echo").out().contains(externalIp), "EXTERNAL-IP column");
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> get("http://" + externalIp + ":80/").equals(first));

        client.pods().inNamespace(ns).withName(first).delete();
        String second = awaitReadyEcho(client, ns, first);
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> get("http://" + externalIp + ":80/").equals(second));
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> get(nodePortUrl).equals(second));
    }

    private static void startShellPod(KubernetesClient client, String ns, String name, String script,
            Optional<Long> runAsUser) {
        client.pods().inNamespace(ns).resource(new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(1L)
                .addNewContainer().withName("main").withImage("debian:bookworm").withCommand("sh", "-c", script)
                .addNewEnv().withName("GREETING").withValue("hello from the pod").endEnv()
                .withNewSecurityContext().withRunAsUser(runAsUser.orElse(null)).endSecurityContext()
                .endContainer().endSpec().build()).create();
        awaitPod(client, ns, name, pod -> phase(pod, "Running"));
    }

    /** The name of the one ready echo pod that is not {@code previous}. */
    private static String awaitReadyEcho(KubernetesClient client, String ns, String previous) {
        List<Pod> pods = awaitPods(client, ns, "echo", list -> list.size() == 1 && list.stream()
                .allMatch(pod -> phase(pod, "Running") && ready(pod) && !pod.getMetadata().getName().equals(previous)));
        return pods.get(0).getMetadata().getName();
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
