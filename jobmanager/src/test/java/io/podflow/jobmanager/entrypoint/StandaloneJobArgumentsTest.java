package io.podflow.jobmanager.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podflow.api.program.ApplicationOptions;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandaloneJobArgumentsTest {

    @Test
    void theJobCreatorsFormGivesPropertiesAndNoClass() {
        StandaloneJobArguments arguments = StandaloneJobArguments.parse(List.of(
                "-Djobmanager.rpc.address=flink-jobmanager", "-Dparallelism.default=1", "-D", "blob.server.port=6124"));

        assertEquals(Optional.empty(), arguments.entryClass());
        assertEquals(Map.of("jobmanager.rpc.address", "flink-jobmanager", "parallelism.default", "1",
                "blob.server.port", "6124"), arguments.properties());
        assertEquals(List.of(), arguments.programArguments());
    }

    @Test
    void theJobClassNameAndEverythingAfterTheOptionsGoToTheProgram() {
        StandaloneJobArguments arguments = StandaloneJobArguments.parse(List.of("--job-classname",
                "com.example.WordCount", "-Dparallelism.default=2", "--input", "/data/in", "-Dnot.ours=1"));

        Configuration config = new Configuration();
        arguments.applyTo(config);

        assertEquals(Map.of("parallelism.default", "2"), arguments.properties());
        assertEquals("com.example.WordCount", config.get(ApplicationOptions.MAIN_CLASS));
        assertEquals(List.of("--input", "/data/in", "-Dnot.ours=1"), config.get(ApplicationOptions.PROGRAM_ARGUMENTS));
    }

    @Test
    void aClassNameOptionWithoutItsValueIsRefused() {
        IllegalConfigurationException refused = assertThrows(IllegalConfigurationException.class,
                () -> StandaloneJobArguments.parse(List.of("-j")));

        assertEquals("-j needs the job's class name after it", refused.getMessage());
    }
}
