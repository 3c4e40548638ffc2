package io.podflow.localkube.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/** Reads the Secrets and ConfigMaps that pods reference, and service-account tokens. */
public interface ClusterObjects {

    Optional<Secret> secret(String namespace, String name);

    Optional<ConfigMap> configMap(String namespace, String name);

    /**
     * A token for {@code serviceAccount}, bound to the pod when the API server supports it.
     *
     * @throws ContainerConfigException when no token can be had yet
     */
    String serviceAccountToken(String namespace, String serviceAccount, String podName, String podUid,
            long expirationSeconds, String audience);
}
