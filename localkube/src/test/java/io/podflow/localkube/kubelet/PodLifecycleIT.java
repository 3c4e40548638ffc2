package io.podflow.localkube.kubelet;

import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPod;
import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPods;
import static io.podflow.localkube.kubelet.KubeletTestPods.phase;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Restart policies, and that deleted pods leave no process behind. */
@ExtendWith(LocalKubeExtension.class)
class PodLifecycleIT {

    @Test
    void deletingTheDeploymentRemovesItsPodsAndEveryProcessTheyStarted(LocalKube localKube, TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        String ns = namespace.name();
        client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName("sleepers").endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "sleepers").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "sleepers").endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(3L)
                .addNewContainer().withName("main").withImage("debian:bookworm")
                .withCommand("/bin/sh", "-c", "sleep 3600 & trap 'kill $!; exit 0' TERM; wait")
                .endContainer().endSpec().endTemplate().endSpec().build()).create();
        List<Pod> pods = awaitPods(client, ns, "sleepers",
                list -> list.size() == 2 && list.stream().allMatch(pod -> phase(pod, "Running")));
        List<Long> pids = pods.stream()
                .map(pod -> KubeletTestPods.pid(localKube, ns, pod.getMetadata().getName(), "main")).toList();
        List<ProcessHandle> processes = pids.stream()
                .flatMap(pid -> ProcessHandle.of(pid).stream())
                .flatMap(handle -> java.util.stream.Stream.concat(java.util.stream.Stream.of(handle),
                        handle.descendants()))
                .toList();
        assertTrue(processes.size() >= 4, "expected each pod's namespace owner and shell, got " + processes);

        client.apps().deployments().inNamespace(ns).withName("sleepers").delete();

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.pods().inNamespace(ns).withLabel("app", "sleepers").list().getItems().isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        for (Pod pod : pods) {
            assertTrue(Files.notExists(KubeletTestPods.podDir(localKube, ns, pod.getMetadata().getName())),
                    "sandbox of " + pod.getMetadata().getName() + " must be removed");
        }
    }

    @Test
    void neverRestartingCrashFailsThePodWithTheExitCode(LocalKube localKube, TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        client.pods().inNamespace(namespace.name()).resource(crashing("crash-once", "Never", 7)).create();

        Pod pod = awaitPod(client, namespace.name(), "crash-once", p -> phase(p, "Failed"));

        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertEquals(7, status.getState().getTerminated().getExitCode());
        assertEquals("Error", status.getState().getTerminated().getReason());
        assertEquals(0, status.getRestartCount());
        assertTrue(KubeletTestPods.log(localKube, namespace.name(), "crash-once", "main").contains("crashing with 7"));
    }

    @Test
    void onFailureRestartsTheCrashingContainerWithGrowingRestartCount(LocalKube localKube, TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        client.pods().inNamespace(namespace.name()).resource(crashing("crash-loop", "OnFailure", 3)).create();

        Pod pod = awaitPod(client, namespace.name(), "crash-loop",
                p -> p.getStatus().getContainerStatuses().stream().anyMatch(s -> s.getRestartCount() >= 2));

        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertEquals(3, status.getLastState().getTerminated().getExitCode());
        assertEquals("Running", pod.getStatus().getPhase());
        // the log is appended across restarts: at least the two runs that ended before restart 2 are in it
        String log = KubeletTestPods.log(localKube, namespace.name(), "crash-loop", "main");
        assertTrue(log.split("crashing with 3", -1).length - 1 >= 2, log);
    }

    private static Pod crashing(String name, String restartPolicy, int exitCode) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withRestartPolicy(restartPolicy)
                .addNewContainer().withName("main").withImage("debian:bookworm")
                .withCommand("/bin/sh", "-c", "echo crashing with " + exitCode + "; exit " + exitCode)
                .endContainer().endSpec().build();
    }
}
