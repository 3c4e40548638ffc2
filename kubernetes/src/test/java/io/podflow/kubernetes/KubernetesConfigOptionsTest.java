package io.podflow.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.OptionRegistry;
import io.podflow.kubernetes.KubernetesConfigOptions.ServiceExposedType;
import io.podflow.kubernetes.resourcemanager.ResourceManagerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KubernetesConfigOptionsTest {

    @Test
    void externalNameIsRefusedWithOneLineSayingWhatIsAllowed() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.rest-service.exposed.type", "ExternalName"));

        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> config.get(KubernetesConfigOptions.REST_SERVICE_EXPOSED_TYPE));

        assertTrue(error.getMessage().startsWith("kubernetes.rest-service.exposed.type: 'ExternalName' is not allowed"
                + " (must be ClusterIP, NodePort or LoadBalancer"), error.getMessage());
        assertTrue(!error.getMessage().contains("\n"));
    }

    @Test
    void exposedTypesAreReadCaseInsensitivelyAndDefaultToClusterIp() {
        assertEquals(ServiceExposedType.NodePort, Configuration.fromMap(
                Map.of("kubernetes.rest-service.exposed.type", "nodeport")).get(
                        KubernetesConfigOptions.REST_SERVICE_EXPOSED_TYPE));
        assertEquals(ServiceExposedType.ClusterIP,
                new Configuration().get(KubernetesConfigOptions.REST_SERVICE_EXPOSED_TYPE));
    }

    @Test
    void componentServiceAccountsFallBackToTheSharedOne() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.service-account", "flink"));

        assertEquals("flink", config.get(KubernetesConfigOptions.JOBMANAGER_SERVICE_ACCOUNT));
        assertEquals("flink", config.get(KubernetesConfigOptions.TASKMANAGER_SERVICE_ACCOUNT));
        assertEquals("default", new Configuration().get(KubernetesConfigOptions.JOBMANAGER_SERVICE_ACCOUNT));
    }

    @Test
    void theSeedsKeysAreDeclaredOnTheClasspath() {
        Set<String> keys = OptionRegistry.all().stream().map(ConfigOption::key).collect(Collectors.toSet());

        for (String key : List.of("kubernetes.cluster-id", "kubernetes.namespace", "kubernetes.container.image",
                "kubernetes.jobmanager.service-account", "kubernetes.taskmanager.cpu", "kubernetes.jobmanager.cpu",
                "kubernetes.rest-service.exposed.type", "kubernetes.secrets", "kubernetes.env.secretKeyRef",
                "resourcemanager.taskmanager-timeout")) {
            assertTrue(keys.contains(key), key);
        }
    }

    @Test
    void theSeedsMillisecondTaskManagerTimeoutIsAnHour() {
        Configuration config = Configuration.fromMap(Map.of("resourcemanager.taskmanager-timeout", "3600000"));

        assertEquals(Duration.ofHours(1),
                config.get(ResourceManagerOptions.TASKMANAGER_TIMEOUT));
    }
}
