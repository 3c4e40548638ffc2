package io.podflow.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod built by podflow carries its process's JVM memory flags, and bin/config.sh starts the process with them as
 * given: no second JVM to derive them (here there is no java at all), and -Xmx/-Xms in env.java.opts still win.
 */
class JvmMemoryFlagsScriptTest {

    private static final Path CONFIG_SH = Path.of("../bin/config.sh").toAbsolutePath().normalize();
    private static final String POD_FLAGS = "-Xmx536870912 -Xms536870912 -XX:MaxMetaspaceSize=268435456 "
            + "-XX:MaxDirectMemorySize=67108864";

    @TempDir
    Path conf;

    @Test
    void thePodsFlagsAreUsedAsGivenWithoutStartingAJvm() throws Exception {
        Files.writeString(conf.resolve("flink-conf.yaml"), "taskmanager.memory.process.size: 4096m\n");

        assertEquals(POD_FLAGS, jvmMemoryFlags("taskmanager"));
    }

    @Test
    void anXmxInTheRolesEnvJavaOptsWinsOverThePodsHeap() throws Exception {
        Files.writeString(conf.resolve("flink-conf.yaml"), "env.java.opts.taskmanager: -Xmx300m -XX:+UseSerialGC\n");

        assertEquals("-XX:MaxMetaspaceSize=268435456 -XX:MaxDirectMemorySize=67108864", jvmMemoryFlags("taskmanager"));
    }

    private String jvmMemoryFlags(String role) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail; . \"$0\"; jvm_memory_flags \"$1\"",
                CONFIG_SH.toString(), role);
        builder.environment().putAll(Map.of("PODFLOW_JVM_MEMORY_FLAGS", POD_FLAGS, "FLINK_CONF_DIR", conf.toString(),
                "JAVA_HOME", conf.resolve("no-java").toString()));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.strip();
    }
}
