package io.podflow.localkube.kubelet;

import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPod;
import static io.podflow.localkube.kubelet.KubeletTestPods.log;
import static io.podflow.localkube.kubelet.KubeletTestPods.phase;
import static io.podflow.localkube.kubelet.KubeletTestPods.podDir;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code flink} image behaves as the official one: each container writes into its own copy-on-write layer
 * over the distribution (never into the host's tree or another pod's view), the {@code flink} user (9999) owns
 * {@code /opt/flink}, {@code FLINK_HOME} is set, and the layer goes with the pod.
 */
@ExtendWith(LocalKubeExtension.class)
class ImageLayerIT {

    /** The tree the shared kubelet maps images {@code flink} and {@code podflow} to. */
    private static final Path DIST = Path.of("").toAbsolutePath().getParent().resolve("dist/target/podflow");

    @Test
    void flinkUserWritesItsOwnLayerThatNoOtherPodNorTheHostSeesAndThatGoesWithThePod(LocalKube localKube,
            TestNamespace namespace) throws IOException {
        assumeTrue(Files.isDirectory(DIST), "needs the distribution: mvn -o -q -pl dist -am install -DskipTests");
        KubernetesClient client = localKube.client();
        String ns = namespace.name();
        Object hostLogOwner = Files.getAttribute(DIST.resolve("log"), "unix:uid");
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("conf")
                .endMetadata().addToData("flink-conf.yaml", "jobmanager.rpc.address: writer").build()).create();

        client.pods().inNamespace(ns).resource(new PodBuilder()
                .withNewMetadata().withName("writer").endMetadata()
                .withNewSpec().withRestartPolicy("Never").withTerminationGracePeriodSeconds(1L)
                .addNewContainer().withName("main").withImage("flink:latest")
                .withCommand("/bin/bash", "-c", "id -u; echo home=$FLINK_HOME; echo first=${PATH%%:*};"
                        + " echo from-writer > /opt/flink/log/x.log && touch /opt/flink/created"
                        + " && echo scratch > /opt/flink/scratch/s && cat /opt/flink/conf/flink-conf.yaml && echo"
                        + " && echo written; exec sleep 600")
                .withNewSecurityContext().withRunAsUser(9999L).endSecurityContext()
                .addNewVolumeMount().withName("conf").withMountPath("/opt/flink/conf").endVolumeMount()
                .addNewVolumeMount().withName("scratch").withMountPath("/opt/flink/scratch").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("conf").withNewConfigMap().withName("conf").endConfigMap().endVolume()
                .addNewVolume().withName("scratch").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().build()).create();

        awaitPod(client, ns, "writer", pod -> phase(pod, "Failed") || log(localKube, ns, "writer", "main")
                .contains("written"));
        String written = log(localKube, ns, "writer", "main");
        assertTrue(written.startsWith("9999\nhome=/opt/flink\nfirst=/opt/flink/bin\n"), written);
        assertTrue(written.contains("jobmanager.rpc.address: writer\nwritten"), written);
        Path layer = podDir(localKube, ns, "writer").resolve("layers/main");
        assertTrue(Files.isRegularFile(layer.resolve("upper/log/x.log")), "the write lands in the pod's layer");

        client.pods().inNamespace(ns).resource(new PodBuilder()
                .withNewMetadata().withName("reader").endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("flink:latest")
                .withCommand("/bin/sh", "-c", "ls /opt/flink/log/x.log /opt/flink/created 2>/dev/null; echo listed")
                .endContainer().endSpec().build()).create();
        Pod reader = awaitPod(client, ns, "reader", pod -> phase(pod, "Succeeded") || phase(pod, "Failed"));
        assertEquals("listed\n", log(localKube, ns, "reader", "main"), "another pod sees none of the writer's files");
        assertEquals("Succeeded", reader.getStatus().getPhase());

        assertFalse(Files.exists(DIST.resolve("log/x.log")), "the host's distribution tree is unchanged");
        assertFalse(Files.exists(DIST.resolve("created")), "the host's distribution tree is unchanged");
        assertFalse(Files.exists(DIST.resolve("scratch")), "a volume's mount point is made in the layer");
        assertEquals(hostLogOwner, Files.getAttribute(DIST.resolve("log"), "unix:uid"));

        client.pods().inNamespace(ns).withName("writer").delete();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.pods().inNamespace(ns).withName("writer").get() == null && !Files.exists(layer));
    }
}
