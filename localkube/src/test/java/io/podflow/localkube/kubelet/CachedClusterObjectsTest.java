package io.podflow.localkube.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachedClusterObjectsTest {

    private final Map<String, Secret> cachedSecrets = Map.of("ns/cached", new SecretBuilder().withNewMetadata()
            .withName("cached").withNamespace("ns").endMetadata().addToData("k", "Y2FjaGVk").build());
    private final Map<String, ConfigMap> cachedConfigMaps = Map.of("ns/cached", new ConfigMapBuilder().withNewMetadata()
            .withName("cached").withNamespace("ns").endMetadata().addToData("k", "from-cache").build());
    private final InMemoryClusterObjects api = new InMemoryClusterObjects()
            .secret("ns", "cached", Map.of("k", "from-api"))
            .secret("ns", "new", Map.of("k", "created-after-the-cache-looked"))
            .configMap("ns", "cached", Map.of("k", "from-api"))
            .configMap("ns", "new", Map.of("k", "created-after-the-cache-looked"))
            .token("ns", "default", "jwt");
    private final CachedClusterObjects objects = new CachedClusterObjects(cachedSecrets::get, cachedConfigMaps::get,
            api);

    @Test
    void objectsInTheCacheAreTakenFromIt() {
        assertEquals("Y2FjaGVk", objects.secret("ns", "cached").orElseThrow().getData().get("k"));
        assertEquals("from-cache", objects.configMap("ns", "cached").orElseThrow().getData().get("k"));
    }

    @Test
    void objectsTheCacheHasNotSeenYetAreReadFromTheApiServer() {
        assertEquals("created-after-the-cache-looked", objects.configMap("ns", "new").orElseThrow().getData().get("k"));
        assertTrue(objects.secret("ns", "new").isPresent());
        assertTrue(objects.secret("ns", "missing").isEmpty());
        assertTrue(objects.configMap("other", "cached").isEmpty());
    }

    @Test
    void tokensComeFromTheApiServer() {
        assertEquals("jwt", objects.serviceAccountToken("ns", "default", "p", "uid", 3600, null));
    }
}
