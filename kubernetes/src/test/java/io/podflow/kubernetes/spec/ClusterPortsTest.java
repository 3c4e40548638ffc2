package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterPortsTest {

    @Test
    void defaultsAreTheDesignsPorts() {
        assertEquals(new ClusterPorts(8081, 6123, 6124, 6122, 6121), ClusterPorts.from(new Configuration()));
    }

    @Test
    void configuredPortsAreUsedAndWrittenForTheContainers() {
        ClusterPorts ports = ClusterPorts.from(Configuration.fromMap(Map.of("rest.port", "9081",
                "taskmanager.data.port", "7121")));

        assertEquals(9081, ports.jobManager().get("rest"));
        assertEquals(7121, ports.taskManager().get("taskmanager-data"));
        assertEquals("7121", ports.asConfiguration().get("taskmanager.data.port"));
    }

    @Test
    void aRandomPortCannotBeServedByAService() {
        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> ClusterPorts.from(Configuration.fromMap(Map.of("blob.server.port", "0"))));

        assertTrue(error.getMessage().startsWith("blob.server.port: '0' is not allowed on Kubernetes"),
                error.getMessage());
    }
}
