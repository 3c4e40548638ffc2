package io.podflow.localkube.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.localkube.kubelet.env.SecretData;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterObjects} read from the API server. Tokens come from the TokenRequest API (bound to
 * the pod); when the API server does not offer it, from the legacy token Secret that the token
 * controller creates for every service account.
 */
public final class ApiClusterObjects implements ClusterObjects {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClusterObjects.class);
    static final String TOKEN_SECRET_TYPE = "kubernetes.io/service-account-token";

    private final KubernetesClient client;

    public ApiClusterObjects(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(client.configMaps().inNamespace(namespace).withName(name).get());
    }

    @Override
    public String serviceAccountToken(String namespace, String serviceAccount, String podName, String podUid,
            long expirationSeconds, String audience) {
        TokenRequest request = new TokenRequestBuilder().withNewSpec()
                .withExpirationSeconds(expirationSeconds)
                .withAudiences(audience == null || audience.isEmpty() ? java.util.List.of() : java.util.List.of(audience))
                .withNewBoundObjectRef().withApiVersion("v1").withKind("Pod").withName(podName).withUid(podUid)
                .endBoundObjectRef()
                .endSpec().build();
        try {
            return client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).tokenRequest(request)
                    .getStatus().getToken();
        } catch (KubernetesClientException e) {
            LOG.debug("TokenRequest for {}/{} failed ({}); using the legacy token secret", namespace, serviceAccount,
                    e.getMessage());
            return legacyToken(namespace, serviceAccount);
        }
    }

    private String legacyToken(String namespace, String serviceAccount) {
        ServiceAccount account = client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).get();
        if (account == null) {
            throw new ContainerConfigException("service account " + namespace + "/" + serviceAccount + " not found");
        }
        return account.getSecrets().stream()
                .map(ref -> secret(namespace, ref.getName()))
                .flatMap(Optional::stream)
                .filter(secret -> TOKEN_SECRET_TYPE.equals(secret.getType()))
                .map(secret -> SecretData.decode(secret).get("token"))
                .filter(java.util.Objects::nonNull)
                .map(token -> new String(token, StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow(() -> new ContainerConfigException("no token yet for service account " + namespace + "/"
                        + serviceAccount));
    }
}
