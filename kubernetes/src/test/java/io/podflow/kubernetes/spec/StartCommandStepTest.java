package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Container;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartCommandStepTest {

    @Test
    void runsTheEntrypointWithTheModeThenDynamicProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("taskmanager.resource-id", "s1-taskmanager-1-1");
        properties.put("jobmanager.rpc.address", "s1.default");

        Container container = new StartCommandStep("/docker-entrypoint.sh", "kubernetes-taskmanager", properties)
                .apply(PodDraft.empty()).container();

        assertEquals(List.of("/docker-entrypoint.sh"), container.getCommand());
        assertEquals(List.of("kubernetes-taskmanager", "-Dtaskmanager.resource-id=s1-taskmanager-1-1",
                "-Djobmanager.rpc.address=s1.default"), container.getArgs());
    }
}
