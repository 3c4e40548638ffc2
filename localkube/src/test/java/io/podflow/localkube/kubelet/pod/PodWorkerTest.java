package io.podflow.localkube.kubelet.pod;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Secret;
import io.podflow.localkube.kubelet.ClusterObjects;
import io.podflow.localkube.kubelet.InMemoryClusterObjects;
import io.podflow.localkube.kubelet.node.NodeCapacity;
import io.podflow.localkube.kubelet.container.ContainerLauncher;
import io.podflow.localkube.kubelet.dns.ServiceAddresses;
import io.podflow.localkube.kubelet.env.EnvResolver;
import io.podflow.localkube.kubelet.image.ImageMapping;
import io.podflow.localkube.kubelet.probe.ProbeRunner;
import io.podflow.localkube.kubelet.volume.VolumeMaterializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real container processes through the worker, with the API server replaced by maps. */
class PodWorkerTest {

    private static final String NODE = "localkube-node-1";

    @TempDir
    Path state;
    @TempDir
    Path dist;

    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    private final RecordingPodApi api = new RecordingPodApi();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final HeldSecret held = new HeldSecret("held", new InMemoryClusterObjects()
            .secret("ns", "creds", Map.of("password", "s3cret"))
            .secret("ns", "held", Map.of("password", "s3cret")));
    private PodWorker worker;
    private Thread thread;

    @BeforeEach
    void startWorker() throws IOException {
        Files.writeString(dist.resolve("VERSION"), "podflow-test-dist");
        PodStarterParts parts = new PodStarterParts(new EnvResolver(held, "127.0.0.1", 6443, NodeCapacity.DEFAULT),
                new VolumeMaterializer(held), ImageMapping.load(dist, Optional.empty()), new ContainerLauncher());
        List<ServiceAddresses> noServices = List.of();
        worker = new PodWorker(pods::get, () -> List.copyOf(pods.values()), () -> noServices,
                Map.of(NODE, "127.0.100.1"), state.resolve("pods"), parts, new ProbeRunner(timers), api,
                new RestartDecision(Duration.ofMillis(200), Duration.ofSeconds(1)), Duration.ofSeconds(2),
                Clock.systemUTC());
        thread = new Thread(worker, "test-pod-worker");
        thread.start();
        timers.scheduleWithFixedDelay(() -> worker.post(new KubeletEvent.Tick()), 100, 100, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        held.release();
        timers.shutdownNow();
        worker.post(new KubeletEvent.Shutdown());
        thread.join(10_000);
    }

    @Test
    void containerSeesImageVolumesEnvAndHostnameAndFailedExitIsReported() throws IOException {
        Pod pod = pod("probe-env", "Never", "cat /opt/flink/VERSION; echo; cat /etc/creds/password; echo;"
                + " cat /proc/sys/kernel/hostname; echo; echo ip=$POD_IP; grep probe-env /etc/hosts; exit 3");
        submit(pod);

        PodStatus status = awaitStatus("probe-env", s -> "Failed".equals(s.getPhase()));

        ContainerStatus container = status.getContainerStatuses().get(0);
        assertEquals(3, container.getState().getTerminated().getExitCode());
        assertEquals("Error", container.getState().getTerminated().getReason());
        String log = Files.readString(state.resolve("pods/ns_probe-env/main.log"));
        assertTrue(log.contains("podflow-test-dist"), log);
        assertTrue(log.contains("s3cret"), log);
        assertTrue(log.contains("probe-env"), log);
        assertTrue(log.contains("ip=" + status.getPodIP()), log);
        assertTrue(log.contains(status.getPodIP() + "\tprobe-env"), log);
        assertTrue(status.getPodIP().startsWith("127.0."), status.getPodIP());
        assertFalse(Files.exists(Path.of("/opt/flink")), "the image mount point must not appear on the host");
        assertFalse(Files.exists(Path.of("/etc/creds")), "volume mount points must not appear on the host");
    }

    @Test
    void initContainersRunInOrderBeforeTheAppContainerAndShareItsVolumes() throws IOException {
        Pod pod = new PodBuilder(pod("initialized", "Never", "cat /srv/podflow-steps/steps")).editSpec()
                .addNewInitContainer().withName("first").withImage("busybox")
                .withCommand("/bin/sh", "-c", "echo first >> /srv/podflow-steps/steps")
                .addNewVolumeMount().withName("work").withMountPath("/srv/podflow-steps").endVolumeMount().endInitContainer()
                .addNewInitContainer().withName("second").withImage("busybox")
                .withCommand("/bin/sh", "-c", "echo second >> /srv/podflow-steps/steps")
                .addNewVolumeMount().withName("work").withMountPath("/srv/podflow-steps").endVolumeMount().endInitContainer()
                .editFirstContainer().addNewVolumeMount().withName("work").withMountPath("/srv/podflow-steps").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("work").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().build();
        submit(pod);

        PodStatus status = awaitStatus("initialized", s -> "Succeeded".equals(s.getPhase()));

        assertEquals(2, status.getInitContainerStatuses().size());
        assertEquals("first\nsecond\n", Files.readString(state.resolve("pods/ns_initialized/main.log")));
        assertFalse(Files.exists(Path.of("/srv/podflow-steps")), "mount point must not appear on the host");
    }

    @Test
    void execReadinessProbeRunsInsideTheContainersMountNamespace() {
        Pod pod = new PodBuilder(pod("warming", "Always", "sleep 2; touch /srv/podflow-probe/ready; sleep 600"))
                .editSpec().editFirstContainer()
                .withNewReadinessProbe().withNewExec().withCommand("test", "-f", "/srv/podflow-probe/ready").endExec()
                .withPeriodSeconds(1).endReadinessProbe()
                .addNewVolumeMount().withName("flag").withMountPath("/srv/podflow-probe").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("flag").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().build();
        submit(pod);

        PodStatus running = awaitStatus("warming", s -> "Running".equals(s.getPhase()));
        assertFalse(running.getContainerStatuses().get(0).getReady(), "not ready before the probe passes");
        awaitStatus("warming", s -> s.getContainerStatuses().get(0).getReady()
                && s.getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")));
    }

    @Test
    void probeOnAnUnknownNamedPortLeavesTheContainerRunningButUnready() {
        Pod pod = new PodBuilder(pod("misprobed", "Always", "sleep 600")).editSpec().editFirstContainer()
                .withNewReadinessProbe().withNewTcpSocket().withNewPort("no-such-port").endTcpSocket()
                .endReadinessProbe().endContainer().endSpec().build();
        submit(pod);

        PodStatus status = awaitStatus("misprobed", s -> "Running".equals(s.getPhase()));

        assertFalse(status.getContainerStatuses().get(0).getReady());
        assertTrue(ProcessHandle.of(recordedPid("misprobed")).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void failingLivenessProbeRestartsTheContainer() {
        Pod pod = new PodBuilder(pod("unhealthy", "Always", "sleep 600")).editSpec()
                .withTerminationGracePeriodSeconds(1L).editFirstContainer()
                .withNewLivenessProbe().withNewExec().withCommand("test", "-f", "/nonexistent-podflow-file").endExec()
                .withPeriodSeconds(1).withFailureThreshold(1).endLivenessProbe()
                .endContainer().endSpec().build();
        submit(pod);

        PodStatus restarted = awaitStatus("unhealthy", s -> !s.getContainerStatuses().isEmpty()
                && s.getContainerStatuses().get(0).getRestartCount() >= 1);
        assertEquals("Running", restarted.getPhase());
    }

    @Test
    void onFailureRestartsWithGrowingRestartCountAndSuccessEndsIt() {
        submit(pod("flaky", "OnFailure", "exit 1"));
        PodStatus restarting = awaitStatus("flaky", s -> !s.getContainerStatuses().isEmpty()
                && s.getContainerStatuses().get(0).getRestartCount() >= 2);
        assertEquals("Running", restarting.getPhase());
        assertEquals(1, restarting.getContainerStatuses().get(0).getLastState().getTerminated().getExitCode());

        submit(pod("fine", "OnFailure", "exit 0"));
        PodStatus done = awaitStatus("fine", s -> "Succeeded".equals(s.getPhase()));
        assertEquals("Completed", done.getContainerStatuses().get(0).getState().getTerminated().getReason());
        assertEquals(0, done.getContainerStatuses().get(0).getRestartCount());
    }

    @Test
    void deletionStopsTheProcessTreeWithinTheGracePeriodThenDeletesThePod() {
        submit(pod("sleeper", "Always", "sleep 600 & sleep 600; wait"));
        awaitStatus("sleeper", s -> "Running".equals(s.getPhase()));
        long pid = recordedPid("sleeper");
        // the init script and its two sleeps
        List<ProcessHandle> tree = await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).orElseThrow().descendants().toList(), list -> list.size() >= 3);

        Pod deleting = new PodBuilder(pods.get("ns/sleeper")).editMetadata()
                .withDeletionTimestamp("2026-01-01T00:00:00Z").withDeletionGracePeriodSeconds(1L).endMetadata().build();
        submit(deleting);

        await().atMost(Duration.ofSeconds(15)).until(() -> api.deleted.contains("sleeper"));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        tree.forEach(process -> assertFalse(process.isAlive(), "left behind: " + process));
    }

    @Test
    void shutdownEndsEveryContainer() throws InterruptedException {
        submit(pod("a", "Always", "sleep 600"));
        submit(pod("b", "Always", "trap 'exit 0' TERM; while :; do sleep 1; done"));
        awaitStatus("a", s -> "Running".equals(s.getPhase()));
        awaitStatus("b", s -> "Running".equals(s.getPhase()));
        long a = recordedPid("a");
        long b = recordedPid("b");

        worker.post(new KubeletEvent.Shutdown());
        thread.join(15_000);

        assertFalse(ProcessHandle.of(a).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(ProcessHandle.of(b).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(state.resolve("pods/ns_a/main.pid")));
    }

    @Test
    void aBurstOfPodsIsStartedSeveralAtATime() {
        for (String name : List.of("burst-1", "burst-2", "burst-3")) {
            submit(withSecret(pod(name, "Always", "sleep 600"), "held"));
        }

        // each start waits in its Secret read, so three waiting at once means three starts under way
        await().atMost(Duration.ofSeconds(20)).until(() -> held.waiting() >= 3);
        held.release();

        for (String name : List.of("burst-1", "burst-2", "burst-3")) {
            awaitStatus(name, s -> "Running".equals(s.getPhase()));
        }
    }

    @Test
    void podDeletedWhileItsContainerIsBeingStartedIsStoppedAndDeleted() {
        submit(withSecret(pod("late", "Always", "sleep 600"), "held"));
        await().atMost(Duration.ofSeconds(20)).until(() -> held.waiting() >= 1);

        submit(new PodBuilder(pods.get("ns/late")).editMetadata()
                .withDeletionTimestamp("2026-01-01T00:00:00Z").withDeletionGracePeriodSeconds(1L).endMetadata().build());
        held.release();

        await().atMost(Duration.ofSeconds(15)).until(() -> api.deleted.contains("late"));
        await().atMost(Duration.ofSeconds(15)).until(() -> containerProcessesOf("late").isEmpty());
    }

    @Test
    void podRemovedFromTheApiServerWhileItsContainerIsBeingStartedLeavesNoProcess() {
        submit(withSecret(pod("vanished", "Always", "sleep 600"), "held"));
        await().atMost(Duration.ofSeconds(20)).until(() -> held.waiting() >= 1);

        pods.remove("ns/vanished");
        worker.post(new KubeletEvent.PodChanged("ns/vanished"));
        held.release();

        await().atMost(Duration.ofSeconds(15)).until(() -> containerProcessesOf("vanished").isEmpty());
    }

    @Test
    void shutdownEndsContainersThatWereBeingStarted() throws InterruptedException {
        submit(withSecret(pod("starting", "Always", "sleep 600"), "held"));
        await().atMost(Duration.ofSeconds(20)).until(() -> held.waiting() >= 1);

        worker.post(new KubeletEvent.Shutdown());
        held.release();
        thread.join(15_000);

        assertFalse(thread.isAlive());
        assertTrue(containerProcessesOf("starting").isEmpty(), () -> "left behind: " + containerProcessesOf("starting"));
    }

    /** Live processes started for the pod: the namespace wrapper and init script name its sandbox on their command line. */
    private List<ProcessHandle> containerProcessesOf(String pod) {
        String sandbox = state.resolve("pods/ns_" + pod).toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(line -> line.contains(sandbox)).orElse(false))
                .toList();
    }

    private static Pod withSecret(Pod pod, String secret) {
        return new PodBuilder(pod).editSpec().editFirstVolume().editSecret().withSecretName(secret).endSecret()
                .endVolume().endSpec().build();
    }

    private long recordedPid(String pod) {
        try {
            return Long.parseLong(Files.readString(state.resolve("pods/ns_" + pod + "/main.pid")).split(" ")[0]);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void submit(Pod pod) {
        pods.put("ns/" + pod.getMetadata().getName(), pod);
        worker.post(new KubeletEvent.PodChanged("ns/" + pod.getMetadata().getName()));
    }

    private PodStatus awaitStatus(String pod, java.util.function.Predicate<PodStatus> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.latest(pod),
                status -> status != null && condition.test(status));
    }

    private static Pod pod(String name, String restartPolicy, String script) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").withUid("uid-" + name)
                .endMetadata()
                .withNewSpec().withNodeName(NODE).withRestartPolicy(restartPolicy).withTerminationGracePeriodSeconds(5L)
                .addNewContainer().withName("main").withImage("flink:1.17")
                .withCommand("/bin/sh", "-c", script)
                .addNewEnv().withName("POD_IP").withNewValueFrom().withNewFieldRef().withFieldPath("status.podIP")
                .endFieldRef().endValueFrom().endEnv()
                .addNewVolumeMount().withName("creds").withMountPath("/etc/creds").withReadOnly(true).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("creds").withNewSecret().withSecretName("creds").endSecret().endVolume()
                .endSpec().build();
    }

    /** Holds every read of one Secret until released, so a test can act while containers are being started. */
    private static final class HeldSecret implements ClusterObjects {
        private final String name;
        private final ClusterObjects objects;
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();

        HeldSecret(String name, ClusterObjects objects) {
            this.name = name;
            this.objects = objects;
        }

        int waiting() {
            return waiting.get();
        }

        void release() {
            released.countDown();
        }

        @Override
        public Optional<Secret> secret(String namespace, String secret) {
            if (secret.equals(name)) {
                waiting.incrementAndGet();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return objects.secret(namespace, secret);
        }

        @Override
        public Optional<ConfigMap> configMap(String namespace, String configMap) {
            return objects.configMap(namespace, configMap);
        }

        @Override
        public String serviceAccountToken(String namespace, String serviceAccount, String podName, String podUid,
                long expirationSeconds, String audience) {
            return objects.serviceAccountToken(namespace, serviceAccount, podName, podUid, expirationSeconds, audience);
        }
    }

    /** Keeps every status the worker reports and every pod it deletes. */
    private static final class RecordingPodApi implements PodApi {
        final Map<String, PodStatus> statuses = new ConcurrentHashMap<>();
        final List<String> deleted = new CopyOnWriteArrayList<>();

        @Override
        public void patchStatus(Pod pod, PodStatus status) {
            statuses.put(pod.getMetadata().getName(), status);
        }

        @Override
        public void deleteNow(Pod pod) {
            deleted.add(pod.getMetadata().getName());
        }

        PodStatus latest(String pod) {
            return statuses.get(pod);
        }
    }
}
