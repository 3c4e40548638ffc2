package io.podflow.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user docs' PyFlink commands stop at once with one line; Java jobs whose own arguments look alike do not. */
class PythonJobsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CliFrontend cli = new CliFrontend(new Configuration(), Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void runWithAPythonModuleStopsWithOneLine() {
        int exit = cli.run(List.of("run", "-d", "-t", "kubernetes-session", "-Dkubernetes.cluster-id=c1", "-pym",
                "scala_function", "-pyfs", "examples/python/table/udf"));

        assertEquals(CliFrontend.FAILURE, exit);
        assertEquals("Python jobs are not supported yet (-pym): podflow runs Java job jars only.\n", errors());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runApplicationWithAPythonEntryStopsWithOneLine() {
        int exit = cli.run(List.of("run-application", "-p", "8", "-t", "kubernetes-application",
                "-Dkubernetes.cluster-id=c1", "-Dkubernetes.container.image=podflow:latest", "-py",
                "/opt/python_codes/job.py", "-pyfs", "/opt/python_codes"));

        assertEquals(CliFrontend.FAILURE, exit);
        assertEquals("Python jobs are not supported yet (-py): podflow runs Java job jars only.\n", errors());
    }

    @Test
    void aPyFlinkApplicationImageIsRefused() {
        int exit = cli.run(List.of("run-application", "-t", "kubernetes-application", "-D",
                "kubernetes.container.image=registry.example/team/my-pyflink-app:latest", "-pym", "entry"));

        assertEquals(CliFrontend.FAILURE, exit);
        assertEquals("Python jobs are not supported yet (kubernetes.container.image=registry.example/team/"
                + "my-pyflink-app:latest): use a podflow image and a Java job jar.\n", errors());
    }

    @Test
    void pythonLookingArgumentsOfAJavaJobAreTheJobsOwn() {
        assertTrue(PythonJobs.refusal(List.of("-t", "kubernetes-session", "examples/streaming/WordCount.jar",
                "-py", "x", "-Dkubernetes.container.image=pyflink:latest")).isEmpty());
        assertTrue(PythonJobs.refusal(List.of("-Dkubernetes.container.image=podflow:latest", "local:///job.jar"))
                .isEmpty());
    }

    @Test
    void pyFlinkImagesAreKnownByTheirRepositoryName() {
        assertTrue(PythonJobs.isPyFlinkImage("pyflink:latest"));
        assertTrue(PythonJobs.isPyFlinkImage("my-pyflink-app@sha256:abc"));
        assertFalse(PythonJobs.isPyFlinkImage("podflow:pyflink"));
        assertFalse(PythonJobs.isPyFlinkImage("pyflink-mirror.example:5000/podflow:latest"));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
