package io.podflow.client.cli;

import io.podflow.client.FakeRestServer;
import io.podflow.client.FakeRestServer.Answer;
import io.podflow.common.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliFrontendTest {

    private static final Pattern JOB_ID_IN_BODY = Pattern.compile("\"jobId\"\\s*:\\s*\"([0-9a-f]{32})\"");

    private final FakeRestServer server = new FakeRestServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CliFrontend cli = new CliFrontend(new Configuration(),
            Map.of("FLINK_REST_CLIENT_HEADERS", "Authorization: Bearer from-env"),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    CliFrontendTest() throws IOException {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void runSubmitsTheProgramsJobAndWaitsForItsEnd() throws IOException {
        AtomicInteger statusCalls = new AtomicInteger();
        acceptUploadsAndJobs();
        answerStatus(request -> statusCalls.incrementAndGet() < 3 ? "RUNNING" : "FINISHED");

        int exit = cli.run(List.of("run", "-m", server.hostPort(), "-p", "3", programJar().toString(),
                "--input", "x", "-p", "9"));

        assertEquals(CliFrontend.SUCCESS, exit, err.toString());
        assertTrue(out.toString().contains("Job has been submitted with JobID " + submittedJobId()), out.toString());
        assertTrue(out.toString().contains("Job with JobID " + submittedJobId() + " has finished."));
        assertEquals(List.of("--input", "x", "-p", "9"), SequenceProgram.lastArguments);
        assertTrue(submittedBody().contains("\"parallelism\":3"), submittedBody());
        assertEquals(List.of("Bearer from-env"), server.requests().get(0).headers().get("Authorization"));
    }

    @Test
    void helpListsEveryAction() {
        int exit = cli.run(List.of("help"));

        assertEquals(CliFrontend.SUCCESS, exit, err.toString());
        for (String action : List.of("run ", "run-application ", "list ", "cancel ", "info ")) {
            assertTrue(out.toString().contains("  " + action), out.toString());
        }
    }

    @Test
    void detachedRunReturnsOnceTheJobIsAccepted() throws IOException {
        acceptUploadsAndJobs();

        int exit = cli.run(List.of("run", "-d", "-m", server.hostPort(), programJar().toString()));

        assertEquals(CliFrontend.SUCCESS, exit, err.toString());
        assertEquals(List.of("POST /jars/upload", "POST /jobs"), server.requests().stream()
                .map(request -> request.method() + " " + request.path()).toList());
    }

    @Test
    void aFailedJobExitsWithOneAndItsRootCause() throws IOException {
        acceptUploadsAndJobs();
        answerStatus(request -> "FAILED");

        int exit = cli.run(List.of("run", "-m", server.hostPort(), programJar().toString()));

        assertEquals(CliFrontend.FAILURE, exit);
        assertTrue(err.toString().contains("ended FAILED: java.lang.ArithmeticException: / by zero"), err.toString());
    }

    @Test
    void wrongCommandLinesExitWithTwoAndSayWhy() {
        assertEquals(CliFrontend.USAGE, cli.run(List.of("run")));
        assertEquals(CliFrontend.USAGE, cli.run(List.of("cancel", "not-a-job-id")));
        assertEquals(CliFrontend.USAGE, cli.run(List.of("frobnicate")));
        assertEquals(CliFrontend.USAGE, cli.run(List.of("run", "-p", "zero", "job.jar")));
        assertEquals(CliFrontend.USAGE, cli.run(List.of("run", "-t", "yarn-session", "job.jar")));
        assertEquals(CliFrontend.USAGE, cli.run(List.of("run", "-t", "kubernetes-application", "job.jar")));
        assertEquals(CliFrontend.USAGE, cli.run(List.of("list", "-t", "kubernetes-session")));
        assertEquals(CliFrontend.USAGE, cli.run(List.of("list", "-t", "kubernetes-session", "-m", "jm:8081",
                "-Dkubernetes.cluster-id=s1")));
        String errors = err.toString();
        assertTrue(errors.contains("run needs a job jar"));
        assertTrue(errors.contains("'not-a-job-id' is not a job id"));
        assertTrue(errors.contains("Unknown action 'frobnicate'"));
        assertTrue(errors.contains("-p needs a positive whole number, not 'zero'"));
        assertTrue(errors.contains("Unknown target 'yarn-session'"));
        assertTrue(errors.contains("deployed with run-application -t kubernetes-application"), errors);
        assertTrue(errors.contains("named with -Dkubernetes.cluster-id=<id>"), errors);
        assertTrue(errors.contains("-m names a JobManager directly and cannot go with -t kubernetes-session"), errors);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aMissingJarOrServerExitsWithOne() throws IOException {
        assertEquals(CliFrontend.FAILURE, cli.run(List.of("run", "-m", server.hostPort(), "nope.jar")));
        server.close();
        assertEquals(CliFrontend.FAILURE, cli.run(List.of("run", "-m", server.hostPort(), programJar().toString())));
        assertTrue(err.toString().contains("The job jar nope.jar does not exist"));
        assertTrue(err.toString().contains("Cannot reach the JobManager's REST endpoint"));
    }

    @Test
    void infoPrintsTheJobGraphWithoutContactingAnyCluster() throws IOException {
        int exit = cli.run(List.of("info", "-p", "2", programJar().toString()));

        assertEquals(CliFrontend.SUCCESS, exit, err.toString());
        assertTrue(out.toString().contains("\"name\":\"squares\""), out.toString());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void listShowsRunningAndEndedJobsAndCancelPatches() {
        String running = "00000000000000000000000000000001";
        server.on("GET", "/jobs/overview", request -> new Answer(200, "{\"jobs\":["
                + "{\"jid\":\"" + running + "\",\"name\":\"wc\",\"state\":\"RUNNING\",\"start-time\":0},"
                + "{\"jid\":\"00000000000000000000000000000002\",\"name\":\"old\",\"state\":\"CANCELED\","
                + "\"start-time\":0}]}"))
                .on("PATCH", "/jobs/" + running, request -> new Answer(202, "{}"));

        assertEquals(CliFrontend.SUCCESS, cli.run(List.of("list", "-m", server.hostPort())));
        assertEquals(CliFrontend.SUCCESS, cli.run(List.of("cancel", "-m", server.hostPort(), running)));

        String printed = out.toString();
        assertTrue(printed.contains(" : " + running + " : wc (RUNNING)"), printed);
        assertTrue(printed.contains(" : 00000000000000000000000000000002 : old (CANCELED)"), printed);
        assertTrue(printed.contains("Cancelled job " + running + "."), printed);
        assertFalse(printed.contains("No running"));
    }

    private void acceptUploadsAndJobs() {
        server.on("POST", "/jars/upload", request -> new Answer(200,
                "{\"filename\":\"/tmp/x/1_job.jar\",\"status\":\"success\"}"));
        server.on("POST", "/jobs", request -> new Answer(202, "{\"jobUrl\":\"/jobs/x\"}"));
    }

    private void answerStatus(Function<FakeRestServer.Recorded, String> state) {
        server.onPrefix("GET", "/jobs/", request -> request.path().endsWith("/exceptions")
                ? new Answer(200, "{\"root-exception\":\"java.lang.ArithmeticException: / by zero\\n\\tat Job\"}")
                : new Answer(200, "{\"state\":\"" + state.apply(request) + "\"}"));
    }

    private String submittedBody() {
        return server.requests().stream().filter(request -> request.path().equals("/jobs")).findFirst()
                .orElseThrow().bodyText();
    }

    private String submittedJobId() {
        Matcher matcher = JOB_ID_IN_BODY.matcher(submittedBody());
        assertTrue(matcher.find(), submittedBody());
        return matcher.group(1);
    }

    private Path programJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SequenceProgram.class.getName());
        Path jar = dir.resolve("program.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file,
                manifest)) {
            return jar;
        }
    }
}
