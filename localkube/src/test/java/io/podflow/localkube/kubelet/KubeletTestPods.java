package io.podflow.localkube.kubelet;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** What the kubelet ITs share: where the test programs are, pod logs and pid files, and waiting for pods. */
final class KubeletTestPods {

    /** JVM start-up on a busy two-core machine is slow; pods running Java get this long. */
    static final Duration POD_TIMEOUT = Duration.ofMinutes(3);

    private KubeletTestPods() {
    }

    /** The host directory holding the small Java programs the test pods run (mounted into them). */
    static Path programs() {
        try {
            return Path.of(KubeletTestPods.class.getResource("/kubelet/programs/EchoServer.java").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path podDir(LocalKube localKube, String namespace, String pod) {
        return localKube.home().resolve("pods").resolve(namespace + "_" + pod);
    }

    static String log(LocalKube localKube, String namespace, String pod, String container) {
        Path file = podDir(localKube, namespace, pod).resolve(container + ".log");
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long pid(LocalKube localKube, String namespace, String pod, String container) {
        try {
            String record = Files.readString(podDir(localKube, namespace, pod).resolve(container + ".pid"));
            return Long.parseLong(record.trim().split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deployment {@code echo} (pods labelled {@code app=echo}): EchoServer answers every HTTP request on
     * the pod IP at port 8080 (container port {@code http}) with the pod's name, Ready once the port accepts.
     */
    static Deployment echoDeployment(int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata().withName("echo").endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", "echo").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "echo").endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(2L)
                .addNewContainer().withName("server").withImage("debian:bookworm")
                .withCommand("java", "/opt/programs/EchoServer.java", "8080")
                .addNewEnv().withName("POD_IP").withNewValueFrom().withNewFieldRef().withFieldPath("status.podIP")
                .endFieldRef().endValueFrom().endEnv()
                .addNewPort().withName("http").withContainerPort(8080).endPort()
                .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString("http")).endTcpSocket()
                .withPeriodSeconds(1).endReadinessProbe()
                .addNewVolumeMount().withName("programs").withMountPath("/opt/programs").withReadOnly(true).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("programs").withNewHostPath().withPath(programs().toString())
                .endHostPath().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    static Pod awaitPod(KubernetesClient client, String namespace, String name, Predicate<Pod> condition) {
        return await().atMost(POD_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> client.pods().inNamespace(namespace).withName(name).get(),
                        pod -> pod != null && condition.test(pod));
    }

    static List<Pod> awaitPods(KubernetesClient client, String namespace, String app, Predicate<List<Pod>> condition) {
        return await().atMost(POD_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> client.pods().inNamespace(namespace).withLabel("app", app).list().getItems(), condition);
    }

    static boolean phase(Pod pod, String phase) {
        return pod.getStatus() != null && phase.equals(pod.getStatus().getPhase());
    }

    static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

}
