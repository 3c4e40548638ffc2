package io.podflow.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which options bin/config.sh takes from a pod's environment for every process the bin scripts start, so that a
 * manifest written for Flink ({@code jobmanager.sh start} with a ConfigMap for conf/) passes them without editing
 * its command.
 */
class PodEnvironmentScriptTest {

    private static final Path CONFIG_SH = Path.of("../bin/config.sh").toAbsolutePath().normalize();

    @Test
    void thePodIpBindsEveryServerAndTheSecretsStayOutOfTheArguments() throws Exception {
        assertEquals(List.of("-Djobmanager.bind-host=127.0.4.9", "-Drest.bind-address=127.0.4.9",
                "-Dtaskmanager.bind-host=127.0.4.9"),
                podEnvProperties(Map.of("POD_IP", "127.0.4.9", "PODFLOW_CLUSTER_SECRET", "s3cret",
                        "PODFLOW_REST_AUTHENTICATION_TOKEN", "t0ken")));
    }

    @Test
    void anEmptyPodIpAddsNothing() throws Exception {
        assertEquals(List.of(), podEnvProperties(Map.of("PODFLOW_CLUSTER_SECRET", "s3cret", "POD_IP", "")));
    }

    @Test
    void outsideAPodNothingIsAdded() throws Exception {
        assertEquals(List.of(), podEnvProperties(Map.of()));
    }

    private static List<String> podEnvProperties(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail; . \"$0\"; pod_env_properties",
                CONFIG_SH.toString());
        builder.environment().keySet().removeIf(key -> key.equals("POD_IP") || key.startsWith("PODFLOW_"));
        builder.environment().putAll(env);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }
}
