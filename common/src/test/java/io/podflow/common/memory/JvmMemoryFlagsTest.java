package io.podflow.common.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmMemoryFlagsTest {

    @Test
    void takesBothFormsOfDynamicPropertiesAndLeavesAJobsProgramArgumentsAlone() {
        assertEquals(List.of("-Djobmanager.memory.process.size=768m", "-Drest.port=8082"),
                JvmMemoryFlags.dynamicProperties(List.of("--job-classname", "org.example.Job",
                        "-Djobmanager.memory.process.size=768m", "-D", "rest.port=8082", "--input", "-Dverbose",
                        "-D")));
    }

    @Test
    void sizesTheRoleItIsAskedFor() {
        Configuration config = Configuration.fromMap(Map.of("jobmanager.memory.process.size", "768m",
                "taskmanager.memory.process.size", "4096m"));

        assertEquals(JobManagerMemory.of(config), JvmMemoryFlags.of("jobmanager", config));
        assertEquals(TaskManagerMemory.of(config), JvmMemoryFlags.of("taskmanager", config));
        assertEquals("No JVM memory for role 'client': it is jobmanager or taskmanager",
                assertThrows(IllegalConfigurationException.class, () -> JvmMemoryFlags.of("client", config))
                        .getMessage());
    }
}
