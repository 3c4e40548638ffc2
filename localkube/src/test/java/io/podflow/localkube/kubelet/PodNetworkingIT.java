package io.podflow.localkube.kubelet;

import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPod;
import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPods;
import static io.podflow.localkube.kubelet.KubeletTestPods.log;
import static io.podflow.localkube.kubelet.KubeletTestPods.phase;
import static io.podflow.localkube.kubelet.KubeletTestPods.ready;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pods get their own loopback addresses and find each other through Service names. */
@ExtendWith(LocalKubeExtension.class)
class PodNetworkingIT {

    @Test
    void deploymentPodsGetDistinctLoopbackIpsAndAnotherPodReachesThemThroughTheServiceName(LocalKube localKube,
            TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        String ns = namespace.name();
        client.apps().deployments().inNamespace(ns).resource(KubeletTestPods.echoDeployment(2)).create();
        client.services().inNamespace(ns).resource(new ServiceBuilder()
                .withNewMetadata().withName("echo").endMetadata()
                .withNewSpec().addToSelector("app", "echo").addNewPort().withPort(8080)
                .withTargetPort(new IntOrString(8080)).endPort().endSpec().build()).create();

        List<Pod> servers = awaitPods(client, ns, "echo",
                pods -> pods.size() == 2 && pods.stream().allMatch(pod -> phase(pod, "Running") && ready(pod)));

        Set<String> ips = servers.stream().map(pod -> pod.getStatus().getPodIP()).collect(Collectors.toSet());
        assertEquals(2, ips.size(), "pod IPs must differ: " + ips);
        for (Pod server : servers) {
            String ip = server.getStatus().getPodIP();
            assertTrue(ip.startsWith("127.") && !ip.equals("127.0.0.1"), ip);
            assertEquals(ip, server.getStatus().getPodIPs().get(0).getIp());
            assertTrue(server.getStatus().getHostIP().startsWith("127.0.100."), server.getStatus().getHostIP());
            assertNotEquals(null, server.getStatus().getContainerStatuses().get(0).getState().getRunning());
        }

        client.pods().inNamespace(ns).resource(new PodBuilder()
                .withNewMetadata().withName("fetch").endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("debian:bookworm")
                .withCommand("java", "/opt/programs/Fetch.java", "http://echo:8080/")
                .addNewVolumeMount().withName("programs").withMountPath("/opt/programs").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("programs").withNewHostPath().withPath(KubeletTestPods.programs().toString())
                .endHostPath().endVolume()
                .endSpec().build()).create();

        awaitPod(client, ns, "fetch", pod -> phase(pod, "Succeeded") || phase(pod, "Failed"));
        String output = log(localKube, ns, "fetch", "main");
        Set<String> names = servers.stream().map(pod -> pod.getMetadata().getName()).collect(Collectors.toSet());
        assertTrue(names.stream().anyMatch(name -> output.contains("body=" + name)), output);
        assertTrue(ips.stream().anyMatch(output::contains), "echo must resolve to a pod IP: " + output);
    }
}
