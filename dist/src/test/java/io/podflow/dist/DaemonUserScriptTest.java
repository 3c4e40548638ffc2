package io.podflow.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/podflow-daemon.sh start} run by a uid the system has no name for, as a pod with
 * {@code runAsUser: 9999} on a node without that user: {@code id -un} then prints the number and fails, as GNU id
 * does, and a fake {@code java} stands in for the JVM.
 */
class DaemonUserScriptTest {

    private static final Path BIN = Path.of("../bin").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @TempDir
    Path tools;

    @Test
    void aUidWithoutANameStartsTheDaemonUnderItsNumber() throws Exception {
        Files.createDirectories(home.resolve("bin"));
        for (String script : new String[] {"config.sh", "podflow-daemon.sh"}) {
            Files.copy(BIN.resolve(script), home.resolve("bin").resolve(script));
        }
        executable("id", "echo 9999\necho \"id: cannot find name for user ID 9999\" >&2\nexit 1\n");
        executable("java", "exit 0\n");

        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/podflow-daemon.sh").toString(), "start",
                "jobmanager", "io.podflow.Main");
        builder.environment().keySet().removeIf(key -> key.equals("USER") || key.startsWith("FLINK_")
                || key.equals("JAVA_HOME"));
        builder.environment().put("PATH", tools + ":" + builder.environment().get("PATH"));
        builder.environment().put("FLINK_PID_DIR", tools.toString());
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.startsWith("Starting jobmanager daemon on host "), output);
        assertTrue(Files.exists(tools.resolve("flink-9999-jobmanager-0.pid")), output);
    }

    private void executable(String name, String body) throws IOException {
        Path file = tools.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
