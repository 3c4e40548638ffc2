package io.podflow.jobmanager.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.Configuration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesSessionEntrypointTest {

    @Test
    void podIpIsTheAdvertisedHostElseTheRpcAddress() {
        Configuration config = new Configuration().setString("jobmanager.rpc.address", "s1.default");

        assertEquals("10.1.2.3", KubernetesSessionEntrypoint.advertisedHost(config, Map.of("POD_IP", "10.1.2.3")));
        assertEquals("s1.default", KubernetesSessionEntrypoint.advertisedHost(config, Map.of()));
    }

    @Test
    void withoutPodIpOrRpcAddressTheStartFailsSayingWhy() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> KubernetesSessionEntrypoint.advertisedHost(new Configuration(), Map.of()));

        assertTrue(error.getMessage().contains("POD_IP"), error.getMessage());
    }
}
