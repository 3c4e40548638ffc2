package io.podflow.taskmanager.runner;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.TaskManagerOptions;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdvertisedHostTest {

    @Test
    void theConfiguredHostWinsOverThePodIp() {
        Configuration config = new Configuration().set(TaskManagerOptions.HOST, "tm.example");

        assertEquals("tm.example", AdvertisedHost.of(config, Map.of(AdvertisedHost.POD_IP_ENV, "10.0.0.7")));
    }

    @Test
    void withoutAConfiguredHostThePodIpIsAdvertised() {
        assertEquals("10.0.0.7", AdvertisedHost.of(new Configuration(), Map.of(AdvertisedHost.POD_IP_ENV,
                "10.0.0.7")));
    }

    @Test
    void withNeitherThisHostsAddressIsAdvertised() throws Exception {
        assertEquals(InetAddress.getLocalHost().getHostAddress(), AdvertisedHost.of(new Configuration(), Map.of()));
    }
}
