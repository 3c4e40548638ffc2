package io.podflow.e2e.support;

import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** RBAC set-up a test namespace needs, as a user would do it with {@code kubectl create rolebinding}. */
public final class NamespaceRights {

    private NamespaceRights() {
    }

    /** Lets service account {@code serviceAccount} of {@code namespace} create and delete pods there (role edit). */
    public static void grantEdit(KubernetesClient client, String namespace, String serviceAccount) {
        client.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder().withNewMetadata()
                .withName(serviceAccount + "-edit").endMetadata().withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("edit").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName(serviceAccount).withNamespace(namespace)
                .endSubject().build()).create();
    }

    /** {@link #grantEdit(KubernetesClient, String, String)} for the namespace's {@code default} service account. */
    public static void grantEdit(KubernetesClient client, String namespace) {
        grantEdit(client, namespace, "default");
    }
}
