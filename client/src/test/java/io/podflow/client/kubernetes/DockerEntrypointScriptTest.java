package io.podflow.client.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code docker/docker-entrypoint.sh} with bash in a podflow home laid out like the image, with a fake
 * {@code java} first on the PATH that prints the arguments it was started with.
 */
class DockerEntrypointScriptTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String TASK_MANAGER = "io.podflow.taskmanager.runner.TaskManagerRunner";

    @TempDir
    Path home;

    @TempDir
    Path tools;

    @BeforeEach
    void layOutPodflowHome() throws IOException {
        Files.createDirectories(home.resolve("bin"));
        for (String script : List.of("config.sh", "podflow-daemon.sh")) {
            copyExecutable(REPOSITORY.resolve("bin").resolve(script), home.resolve("bin").resolve(script));
        }
        copyExecutable(REPOSITORY.resolve("docker/docker-entrypoint.sh"), home.resolve("docker-entrypoint.sh"));
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("opt"));
        Files.writeString(home.resolve("opt/podflow-s3.jar"), "s3 plugin");
        Files.writeString(home.resolve("opt/podflow-metrics.jar"), "metrics plugin");
        Path java = tools.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor arg in \"$@\"; do echo \"$arg\"; done\n"
                + "echo \"PODFLOW_CLUSTER_SECRET=${PODFLOW_CLUSTER_SECRET:-}\" >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void kubernetesTaskManagerKeepsTheSecretsInItsEnvironmentAndGetsItsOwnArgumentsAsGiven() throws Exception {
        Result result = run(Map.of("PODFLOW_CLUSTER_SECRET", "c1uster", "PODFLOW_REST_AUTHENTICATION_TOKEN", "t0ken"),
                "kubernetes-taskmanager", "-Dtaskmanager.resource-id=s1-taskmanager-1-1",
                "-Djobmanager.rpc.address=s1.team-a");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals(List.of("-Dtaskmanager.resource-id=s1-taskmanager-1-1", "-Djobmanager.rpc.address=s1.team-a"),
                result.argumentsAfter(TASK_MANAGER));
        assertFalse(result.output().contains("c1uster") || result.output().contains("t0ken"), result.output());
        assertTrue(result.errors().contains("PODFLOW_CLUSTER_SECRET=c1uster"), result.errors());
        assertTrue(result.lines().contains("-Dlog.file=" + home.resolve("log") + "/flink-podflow-taskmanager-0-"
                + result.hostname() + ".log"), result.output());
    }

    @Test
    void kubernetesJobManagerGetsItsOwnArgumentsAsGiven() throws Exception {
        Result result = run(Map.of(), "kubernetes-jobmanager", "-Dkubernetes.cluster-id=s1");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals(List.of("-Dkubernetes.cluster-id=s1"),
                result.argumentsAfter("io.podflow.jobmanager.entrypoint.KubernetesSessionEntrypoint"));
    }

    @Test
    void withAPodIpEveryServerBindsToItAndAnArgumentStillOverridesIt() throws Exception {
        Result result = run(Map.of("POD_IP", "127.0.3.7"), "kubernetes-taskmanager",
                "-Dtaskmanager.bind-host=127.0.0.1");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals(List.of("-Djobmanager.bind-host=127.0.3.7", "-Drest.bind-address=127.0.3.7",
                "-Dtaskmanager.bind-host=127.0.3.7", "-Dtaskmanager.bind-host=127.0.0.1"),
                result.argumentsAfter(TASK_MANAGER));
    }

    @Test
    void movesEachListedBuiltInPluginIntoItsOwnFolder() throws Exception {
        Result result = run(Map.of("ENABLE_BUILT_IN_PLUGINS", "podflow-s3.jar; podflow-metrics.jar"), "taskmanager");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals("s3 plugin", Files.readString(home.resolve("plugins/podflow-s3/podflow-s3.jar")));
        assertEquals("metrics plugin", Files.readString(home.resolve("plugins/podflow-metrics/podflow-metrics.jar")));
        assertFalse(Files.exists(home.resolve("opt/podflow-s3.jar")));
        assertFalse(Files.exists(home.resolve("opt/podflow-metrics.jar")));
        assertTrue(result.lines().contains(TASK_MANAGER), result.output());
    }

    @Test
    void aRestartedContainerFindsItsPluginAlreadyEnabled() throws Exception {
        run(Map.of("ENABLE_BUILT_IN_PLUGINS", "podflow-s3.jar"), "taskmanager");

        Result again = run(Map.of("ENABLE_BUILT_IN_PLUGINS", "podflow-s3.jar"), "taskmanager");

        assertEquals(0, again.exitCode(), again.errors());
        assertEquals("s3 plugin", Files.readString(home.resolve("plugins/podflow-s3/podflow-s3.jar")));
        assertTrue(again.lines().contains(TASK_MANAGER), again.output());
    }

    @Test
    void aPluginNotShippedIsRefusedWithTheShippedOnesListedAndNothingIsMoved() throws Exception {
        Result result = run(Map.of("ENABLE_BUILT_IN_PLUGINS", "podflow-s3.jar;podflow-gcs.jar"), "taskmanager");

        assertEquals(1, result.exitCode());
        assertEquals("ENABLE_BUILT_IN_PLUGINS: 'podflow-gcs.jar' is not shipped in " + home.resolve("opt")
                + " (shipped: podflow-metrics.jar, podflow-s3.jar)", result.errors().strip());
        assertFalse(result.lines().contains(TASK_MANAGER), result.output());
        assertTrue(Files.exists(home.resolve("opt/podflow-s3.jar")));
    }

    @Test
    void anyOtherWordRunsAsACommand() throws Exception {
        Result result = run(Map.of(), "echo", "hello from the image");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals("hello from the image", result.output().strip());
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("docker-entrypoint.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("FLINK_") || key.startsWith("PODFLOW_")
                || key.equals("JAVA_HOME") || key.equals("ENABLE_BUILT_IN_PLUGINS"));
        environment.put("PATH", tools + ":" + environment.get("PATH"));
        environment.put("USER", "podflow");
        environment.put("FLINK_PID_DIR", tools.toString());
        environment.putAll(env);
        Path out = tools.resolve("out.txt");
        Path err = tools.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker-entrypoint.sh did not end");
        }
        String hostname = new String(new ProcessBuilder("hostname").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).strip();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err), hostname);
    }

    private static void copyExecutable(Path source, Path target) throws IOException {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exitCode, String output, String errors, String hostname) {

        List<String> lines() {
            return output.lines().toList();
        }

        /** What the fake java printed after the main class: the process's own arguments. */
        List<String> argumentsAfter(String mainClass) {
            List<String> lines = lines();
            int index = lines.indexOf(mainClass);
            assertTrue(index >= 0, output);
            return lines.subList(index + 1, lines.size());
        }
    }
}
