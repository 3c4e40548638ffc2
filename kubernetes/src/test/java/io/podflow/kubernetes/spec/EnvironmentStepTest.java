package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentStepTest {

    @Test
    void addsVariablesAndALaterStepOverridesAnEarlierValue() {
        PodDraft draft = new EnvironmentStep(Map.of("FLINK_LOG_DIR", "/opt/flink/log")).apply(PodDraft.empty());

        List<EnvVar> env = new EnvironmentStep(Map.of("FLINK_LOG_DIR", "/tmp/log")).apply(draft).container().getEnv();

        assertEquals(List.of(new EnvVar("FLINK_LOG_DIR", "/tmp/log", null)), env);
    }
}
