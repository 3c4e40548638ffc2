package io.podflow.localkube.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Secrets, ConfigMaps and tokens held in maps, for tests that must not need an API server. */
public final class InMemoryClusterObjects implements ClusterObjects {

    private final Map<String, Secret> secrets = new HashMap<>();
    private final Map<String, ConfigMap> configMaps = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    public InMemoryClusterObjects secret(String namespace, String name, Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        secrets.put(namespace + "/" + name, new SecretBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata().withData(data).build());
        return this;
    }

    public InMemoryClusterObjects configMap(String namespace, String name, Map<String, String> data) {
        configMaps.put(namespace + "/" + name, new ConfigMapBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata().withData(data).build());
        return this;
    }

    public InMemoryClusterObjects token(String namespace, String serviceAccount, String token) {
        tokens.put(namespace + "/" + serviceAccount, token);
        return this;
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(secrets.get(namespace + "/" + name));
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(configMaps.get(namespace + "/" + name));
    }

    @Override
    public String serviceAccountToken(String namespace, String serviceAccount, String podName, String podUid,
            long expirationSeconds, String audience) {
        String token = tokens.get(namespace + "/" + serviceAccount);
        if (token == null) {
            throw new ContainerConfigException("no token for " + serviceAccount);
        }
        return token;
    }
}
