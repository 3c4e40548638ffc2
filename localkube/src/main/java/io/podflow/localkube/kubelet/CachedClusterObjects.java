package io.podflow.localkube.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ClusterObjects} answered from the kubelet's informer caches of Secrets and ConfigMaps, so
 * starting a pod costs no API round trip for the objects it mounts or reads env from (the
 * service-account token Secret of every pod among them). An object the cache does not hold, for
 * instance one created a moment before the pod and not yet seen by the watch, is read through
 * {@code direct}, as are service-account tokens.
 */
public final class CachedClusterObjects implements ClusterObjects {

    private final Function<String, Secret> cachedSecrets;
    private final Function<String, ConfigMap> cachedConfigMaps;
    private final ClusterObjects direct;

    /**
     * @param cachedSecrets Secret by {@code namespace/name} from the informer cache, or null
     * @param cachedConfigMaps ConfigMap by {@code namespace/name} from the informer cache, or null
     */
    public CachedClusterObjects(Function<String, Secret> cachedSecrets, Function<String, ConfigMap> cachedConfigMaps,
            ClusterObjects direct) {
        this.cachedSecrets = cachedSecrets;
        this.cachedConfigMaps = cachedConfigMaps;
        this.direct = direct;
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(cachedSecrets.apply(namespace + "/" + name))
                .or(() -> direct.secret(namespace, name));
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(cachedConfigMaps.apply(namespace + "/" + name))
                .or(() -> direct.configMap(namespace, name));
    }

    @Override
    public String serviceAccountToken(String namespace, String serviceAccount, String podName, String podUid,
            long expirationSeconds, String audience) {
        return direct.serviceAccountToken(namespace, serviceAccount, podName, podUid, expirationSeconds, audience);
    }
}
