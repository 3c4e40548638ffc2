package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretEnvStepTest {

    @Test
    void eachVariableReadsItsSecretKey() {
        List<EnvVar> env = new SecretEnvStep(List.of(new SecretEnvVar("FOO_ENV", "foo-secret", "foo_key")))
                .apply(PodDraft.empty()).container().getEnv();

        assertEquals(1, env.size());
        assertEquals("FOO_ENV", env.get(0).getName());
        assertEquals("foo-secret", env.get(0).getValueFrom().getSecretKeyRef().getName());
        assertEquals("foo_key", env.get(0).getValueFrom().getSecretKeyRef().getKey());
    }
}
