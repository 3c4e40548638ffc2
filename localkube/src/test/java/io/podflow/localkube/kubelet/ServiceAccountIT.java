package io.podflow.localkube.kubelet;

import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPod;
import static io.podflow.localkube.kubelet.KubeletTestPods.log;
import static io.podflow.localkube.kubelet.KubeletTestPods.phase;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pod talks to the API server as its service account with fabric8's in-cluster configuration
 * (token and CA files, KUBERNETES_SERVICE_HOST/PORT), and RBAC applies to it.
 */
@ExtendWith(LocalKubeExtension.class)
class ServiceAccountIT {

    @Test
    void podOfAnEditServiceAccountListsPodsAndOneWithoutRightsGets403(LocalKube localKube, TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        String ns = namespace.name();
        for (String account : new String[] {"editor", "nobody"}) {
            client.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata()
                    .withName(account).endMetadata().build()).create();
        }
        client.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder()
                .withNewMetadata().withName("editor-edit").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("edit")
                .endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("editor").withNamespace(ns).endSubject()
                .build()).create();

        // the service-account admission refuses pods until the token controller has made the account's token
        createListingPod(client, ns, "as-editor", "editor");
        createListingPod(client, ns, "as-nobody", "nobody");

        Pod editor = awaitPod(client, ns, "as-editor", p -> phase(p, "Succeeded") || phase(p, "Failed"));
        Pod nobody = awaitPod(client, ns, "as-nobody", p -> phase(p, "Succeeded") || phase(p, "Failed"));
        String editorLog = log(localKube, ns, "as-editor", "main");
        String nobodyLog = log(localKube, ns, "as-nobody", "main");

        assertTrue(editorLog.contains("pods="), editor.getStatus().getPhase() + ": " + editorLog);
        assertTrue(editorLog.contains("master=https://127.0.0.1:"), editorLog);
        assertTrue(nobodyLog.contains("code=403"), nobody.getStatus().getPhase() + ": " + nobodyLog);
    }

    private static void createListingPod(KubernetesClient client, String ns, String name, String account) {
        Path lib = Path.of("target", "lib").toAbsolutePath();
        assertTrue(Files.isDirectory(lib), lib + " holds fabric8 for the pod; run mvn package first");
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withServiceAccountName(account).withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("debian:bookworm")
                .withCommand("java", "-cp", "/opt/lib/*", "/opt/programs/ListPods.java")
                .addNewEnv().withName("POD_NAMESPACE").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().endEnv()
                .addNewVolumeMount().withName("programs").withMountPath("/opt/programs").endVolumeMount()
                .addNewVolumeMount().withName("lib").withMountPath("/opt/lib").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("programs").withNewHostPath().withPath(KubeletTestPods.programs().toString())
                .endHostPath().endVolume()
                .addNewVolume().withName("lib").withNewHostPath().withPath(lib.toString()).endHostPath().endVolume()
                .endSpec().build();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .ignoreException(io.fabric8.kubernetes.client.KubernetesClientException.class)
                .until(() -> client.pods().inNamespace(ns).resource(pod).create() != null);
    }
}
