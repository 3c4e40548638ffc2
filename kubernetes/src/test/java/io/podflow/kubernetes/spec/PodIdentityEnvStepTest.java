package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PodIdentityEnvStepTest {

    @Test
    void podIpAndNameComeFromThePodsFields() {
        Map<String, String> fieldsByVariable = new PodIdentityEnvStep().apply(PodDraft.empty()).container().getEnv()
                .stream().collect(Collectors.toMap(EnvVar::getName,
                        variable -> variable.getValueFrom().getFieldRef().getFieldPath()));

        assertEquals(Map.of("POD_IP", "status.podIP", "POD_NAME", "metadata.name"), fieldsByVariable);
    }
}
