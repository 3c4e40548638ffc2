package io.podflow.e2e.support;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.TimeUnit;

/** RBAC set-up a test namespace needs, as a user would do it with {@code kubectl create rolebinding}. */
public final class NamespaceRights {

    private NamespaceRights() {
    }

    /** Lets service account {@code serviceAccount} of {@code namespace} create and delete pods there (role edit). */
    public static void grantEdit(KubernetesClient client, String namespace, String serviceAccount) {
        grant(client, namespace, serviceAccount, "edit");
    }

    /**
     * Creates service account {@code name} in {@code namespace} and returns once its token exists: the API server
     * refuses pods of a service account without one.
     */
    public static void createServiceAccount(KubernetesClient client, String namespace, String name) {
        client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
                .withName(name).endMetadata().build()).create();
        client.serviceAccounts().inNamespace(namespace).withName(name).waitUntilCondition(
                account -> account != null && !account.getSecrets().isEmpty(), 60, TimeUnit.SECONDS);
    }

    /** Binds service account {@code serviceAccount} of {@code namespace} to cluster role {@code clusterRole} there. */
    public static void grant(KubernetesClient client, String namespace, String serviceAccount, String clusterRole) {
        client.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder().withNewMetadata()
                .withName(serviceAccount + "-" + clusterRole).endMetadata().withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(clusterRole).endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName(serviceAccount).withNamespace(namespace)
                .endSubject().build()).create();
    }

    /** {@link #grantEdit(KubernetesClient, String, String)} for the namespace's {@code default} service account. */
    public static void grantEdit(KubernetesClient client, String namespace) {
        grantEdit(client, namespace, "default");
    }
}
