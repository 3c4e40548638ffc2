package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClusterPortsTest {

    /** What the API server checks a container port name against, besides its length. */
    private static final Pattern IANA_SERVICE_NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*");

    @Test
    void defaultsAreTheDesignsPorts() {
        assertEquals(new ClusterPorts(8081, 6123, 6124, 6122, 6121), ClusterPorts.from(new Configuration()));
    }

    @Test
    void configuredPortsAreUsedAndWrittenForTheContainers() {
        ClusterPorts ports = ClusterPorts.from(Configuration.fromMap(Map.of("rest.port", "9081",
                "taskmanager.data.port", "7121")));

        assertEquals(9081, ports.jobManager().get("rest"));
        assertEquals(7121, ports.taskManager().get("data"));
        assertEquals("7121", ports.asConfiguration().get("taskmanager.data.port"));
    }

    @Test
    void everyPortNameIsOneKubernetesAccepts() {
        ClusterPorts ports = ClusterPorts.from(new Configuration());
        Stream.concat(ports.jobManager().keySet().stream(), ports.taskManager().keySet().stream())
                .forEach(name -> assertTrue(IANA_SERVICE_NAME.matcher(name).matches() && name.length() <= 15,
                        () -> "'" + name + "' is not a valid container port name"));
    }

    @Test
    void aRandomPortCannotBeServedByAService() {
        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> ClusterPorts.from(Configuration.fromMap(Map.of("blob.server.port", "0"))));

        assertTrue(error.getMessage().startsWith("blob.server.port: '0' is not allowed on Kubernetes"),
                error.getMessage());
    }
}
