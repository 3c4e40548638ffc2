package io.podflow.localkube.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Service-account tokens are authenticated and RBAC decides what they may do. */
@ExtendWith(LocalKubeExtension.class)
class RbacIT {

    @Test
    void serviceAccountWithoutRightsIsForbiddenAndEditRoleAllowsListingPods(LocalKube localKube,
            TestNamespace namespace) {
        KubernetesClient admin = localKube.client();
        String ns = namespace.name();
        String nobodyToken = tokenOf(admin, ns, createServiceAccount(admin, ns, "nobody"));
        String editorToken = tokenOf(admin, ns, createServiceAccount(admin, ns, "editor"));
        admin.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder()
                        .withNewMetadata().withName("editor-edit").endMetadata()
                        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                        .withName("edit").endRoleRef()
                        .addNewSubject().withKind("ServiceAccount").withName("editor").withNamespace(ns).endSubject()
                        .build())
                .create();

        try (KubernetesClient nobody = clientWithToken(admin.getConfiguration(), nobodyToken);
                KubernetesClient editor = clientWithToken(admin.getConfiguration(), editorToken)) {
            KubernetesClientException denied = assertThrows(KubernetesClientException.class,
                    () -> nobody.pods().inNamespace(ns).list());
            assertEquals(403, denied.getCode());
            // the RBAC authorizer sees the new binding through its informer, a moment later
            await().atMost(Duration.ofSeconds(30)).ignoreException(KubernetesClientException.class)
                    .until(() -> editor.pods().inNamespace(ns).list().getItems().isEmpty());
            KubernetesClientException otherNamespace = assertThrows(KubernetesClientException.class,
                    () -> editor.pods().inNamespace("kube-system").list());
            assertEquals(403, otherNamespace.getCode());
        }
    }

    private static String createServiceAccount(KubernetesClient admin, String namespace, String name) {
        admin.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
                .withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    private static String tokenOf(KubernetesClient admin, String namespace, String name) {
        ServiceAccount account = await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.serviceAccounts().inNamespace(namespace).withName(name).get(),
                        sa -> sa != null && !sa.getSecrets().isEmpty());
        Secret secret = admin.secrets().inNamespace(namespace).withName(account.getSecrets().get(0).getName()).get();
        return new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8);
    }

    private static KubernetesClient clientWithToken(Config admin, String token) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(admin.getMasterUrl())
                .withCaCertFile(admin.getCaCertFile())
                .withCaCertData(admin.getCaCertData())
                .withOauthToken(token)
                .withRequestTimeout(LocalKube.REQUEST_TIMEOUT_MILLIS)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
