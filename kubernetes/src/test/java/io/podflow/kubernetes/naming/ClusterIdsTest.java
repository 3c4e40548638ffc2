package io.podflow.kubernetes.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.KubernetesConfigOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"s1", "my-first-flink-cluster", "a", "abcdefghij-abcdefghij-abcdefghij-abcdefghij-a"})
    void acceptsDns1035LabelsUpTo45Characters(String clusterId) {
        assertEquals(clusterId, ClusterIds.validate(clusterId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"My-Cluster", "1cluster", "cluster-", "my_cluster", "my.cluster", ""})
    void refusesWhatIsNotADns1035Label(String clusterId) {
        IllegalConfigurationException error =
                assertThrows(IllegalConfigurationException.class, () -> ClusterIds.validate(clusterId));

        assertTrue(error.getMessage().startsWith("kubernetes.cluster-id: '" + clusterId + "' is not a DNS-1035 label"),
                error.getMessage());
    }

    @Test
    void refusesAnIdThatWouldMakeTaskManagerPodNamesLongerThan63() {
        String clusterId = "a".repeat(46);

        IllegalConfigurationException error =
                assertThrows(IllegalConfigurationException.class, () -> ClusterIds.validate(clusterId));

        assertTrue(error.getMessage().contains("46 characters long; at most 45"), error.getMessage());
    }

    @Test
    void generatesDistinctValidIdsAndStoresTheGeneratedOne() {
        Configuration config = new Configuration();

        String generated = ClusterIds.resolve(config);

        assertEquals(generated, ClusterIds.validate(generated));
        assertEquals(generated, config.get(KubernetesConfigOptions.CLUSTER_ID));
        assertEquals(generated, ClusterIds.resolve(config));
        assertNotEquals(generated, ClusterIds.generate());
    }

    @Test
    void resolveRefusesAConfiguredInvalidId() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.cluster-id", "Bad_Id"));

        assertThrows(IllegalConfigurationException.class, () -> ClusterIds.resolve(config));
    }
}
