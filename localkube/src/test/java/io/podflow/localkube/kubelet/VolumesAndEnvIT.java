package io.podflow.localkube.kubelet;

import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPod;
import static io.podflow.localkube.kubelet.KubeletTestPods.log;
import static io.podflow.localkube.kubelet.KubeletTestPods.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Secrets and ConfigMaps reach a container both as files at their mount paths and as env variables. */
@ExtendWith(LocalKubeExtension.class)
class VolumesAndEnvIT {

    @Test
    void containerSeesSecretAndConfigMapAsFilesAndAsEnv(LocalKube localKube, TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        String ns = namespace.name();
        client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("db").endMetadata()
                .addToStringData("password", "pa55-word").build()).create();
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("app")
                .endMetadata().addToData("flink-conf.yaml", "taskmanager.numberOfTaskSlots: 4")
                .addToData("ignored.txt", "not selected").build()).create();

        client.pods().inNamespace(ns).resource(new PodBuilder()
                .withNewMetadata().withName("reader").endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("debian:bookworm")
                .withCommand("/bin/sh", "-c", "echo file=$(cat /etc/db/password); echo env=$DB_PASSWORD;"
                        + " echo slots=$SLOTS; cat /opt/conf/conf.yaml; echo; ls /opt/conf;"
                        + " echo pod=$MY_NAME/$MY_NAMESPACE node=$NODE")
                .addNewEnv().withName("DB_PASSWORD").withNewValueFrom().withNewSecretKeyRef().withName("db")
                .withKey("password").endSecretKeyRef().endValueFrom().endEnv()
                .addNewEnv().withName("SLOTS").withNewValueFrom().withNewConfigMapKeyRef().withName("app")
                .withKey("flink-conf.yaml").endConfigMapKeyRef().endValueFrom().endEnv()
                .addNewEnv().withName("MY_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("MY_NAMESPACE").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("NODE").withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName")
                .endFieldRef().endValueFrom().endEnv()
                .addNewVolumeMount().withName("db").withMountPath("/etc/db").withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("conf").withMountPath("/opt/conf").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("db").withNewSecret().withSecretName("db").endSecret().endVolume()
                .addNewVolume().withName("conf").withNewConfigMap().withName("app").addNewItem()
                .withKey("flink-conf.yaml").withPath("conf.yaml").endItem().endConfigMap().endVolume()
                .endSpec().build()).create();

        Pod pod = awaitPod(client, ns, "reader", p -> phase(p, "Succeeded") || phase(p, "Failed"));
        String output = log(localKube, ns, "reader", "main");

        assertEquals("Succeeded", pod.getStatus().getPhase(), output);
        assertTrue(output.contains("file=pa55-word"), output);
        assertTrue(output.contains("env=pa55-word"), output);
        assertTrue(output.contains("slots=taskmanager.numberOfTaskSlots: 4"), output);
        assertTrue(output.contains("\ntaskmanager.numberOfTaskSlots: 4\nconf.yaml\n"), output);
        assertTrue(output.contains("pod=reader/" + ns + " node=" + pod.getSpec().getNodeName()), output);
        assertFalse(Files.exists(Path.of("/etc/db")), "mount points must not be created on the host");
        assertFalse(Files.exists(Path.of("/opt/conf")), "mount points must not be created on the host");
    }
}
