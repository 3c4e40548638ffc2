package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.podflow.common.config.MemorySize;
import io.podflow.common.memory.JvmMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmMemoryStepTest {

    @Test
    void theContainerCarriesTheFlagsOnOneLineAsTheJvmReadsThem() {
        JvmMemory memory = new JvmMemory(MemorySize.parse("512m"), MemorySize.parse("256m"), MemorySize.parse("64m"));

        List<EnvVar> env = new JvmMemoryStep(memory).apply(PodDraft.empty()).container().getEnv();

        assertEquals(List.of(new EnvVar("PODFLOW_JVM_MEMORY_FLAGS", "-Xmx536870912 -Xms536870912 "
                + "-XX:MaxMetaspaceSize=268435456 -XX:MaxDirectMemorySize=67108864", null)), env);
    }
}
