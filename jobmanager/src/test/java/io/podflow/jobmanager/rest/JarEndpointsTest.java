package io.podflow.jobmanager.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.MemorySize;
import io.podflow.common.config.RestOptions;
import io.podflow.protocol.blob.BlobKey;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobGraphJson;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JarEndpointsTest {

    @TempDir
    Path temp;

    private RunningRestServer rest;

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void uploadListAndDeleteAJar() throws Exception {
        rest = RunningRestServer.start(temp);

        RunningRestServer.Reply upload = upload("jarfile", "wordcount.jar",
                TestJars.jarWithMainClass("org.example.WordCount", 1000));

        assertEquals(200, upload.status());
        assertEquals("success", upload.body().path("status").asText());
        String jarId = Path.of(upload.body().path("filename").asText()).getFileName().toString();
        assertTrue(jarId.endsWith("_wordcount.jar"), jarId);

        JsonNode listed = rest.get("/jars").body();
        assertEquals("http://127.0.0.1:" + rest.server.port(), listed.path("address").asText());
        JsonNode file = listed.path("files").path(0);
        assertEquals(jarId, file.path("id").asText());
        assertEquals("wordcount.jar", file.path("name").asText());
        assertTrue(file.path("uploaded").asLong() > 0);
        assertEquals("org.example.WordCount", file.path("entry").path(0).path("name").asText());

        assertEquals(200, rest.send("DELETE", "/jars/" + jarId, "").status());
        assertEquals(0, rest.get("/jars").body().path("files").size());
        assertEquals(404, rest.send("DELETE", "/jars/" + jarId, "").status());
    }

    @Test
    void streamsAnUploadThatWaitsFor100Continue() throws Exception {
        rest = RunningRestServer.start(temp);
        byte[] jar = TestJars.jarWithMainClass("org.example.WordCount", 3 * 1024 * 1024);

        RunningRestServer.Reply upload = rest.send(rest.request("/jars/upload").expectContinue(true)
                .header("Content-Type", TestJars.multipartContentType())
                .POST(TestJars.multipart("jarfile", "large.jar", jar)).build());

        assertEquals(200, upload.status());
        assertArrayEquals(jar, Files.readAllBytes(Path.of(upload.body().path("filename").asText())));
    }

    @Test
    void refusesWhatIsNotAJarAndKeepsServing() throws Exception {
        rest = RunningRestServer.start(temp);
        byte[] text = "just some text".getBytes(StandardCharsets.UTF_8);

        RunningRestServer.Reply wrongName = upload("jarfile", "notes.txt", text);
        RunningRestServer.Reply fakeJar = upload("jarfile", "fake.jar", text);
        RunningRestServer.Reply wrongField = upload("file", "job.jar", TestJars.jarWithMainClass("a.Main", 10));
        RunningRestServer.Reply notMultipart = rest.send("POST", "/jars/upload", "{}");

        assertEquals(400, wrongName.status());
        assertTrue(wrongName.firstError().contains("notes.txt"), wrongName.firstError());
        assertEquals(400, fakeJar.status());
        assertTrue(fakeJar.firstError().contains("not a jar"), fakeJar.firstError());
        assertEquals(400, wrongField.status());
        assertTrue(wrongField.firstError().contains("jarfile"), wrongField.firstError());
        assertEquals(400, notMultipart.status());
        assertEquals(0, rest.get("/jars").body().path("files").size());
        assertEquals(List.of(), Files.list(rest.jars.directory()).toList());
    }

    @Test
    void anOversizeUploadIsA413AndTheConnectionServesTheNextRequest() throws Exception {
        Configuration small = new Configuration().set(RestOptions.MAX_CONTENT_LENGTH, MemorySize.parse("64kb"));
        rest = new RunningRestServer(small, temp);

        RunningRestServer.Reply tooLarge = upload("jarfile", "big.jar", TestJars.jarWithMainClass("a.Main", 200_000));

        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.firstError().contains("rest.server.max-content-length"), tooLarge.firstError());
        assertEquals(200, upload("jarfile", "small.jar", TestJars.jarWithMainClass("a.Main", 1000)).status());
    }

    @Test
    void anOversizeUploadWaitingFor100ContinueIsRefusedBeforeItsBodyIsSent() throws Exception {
        Configuration small = new Configuration().set(RestOptions.MAX_CONTENT_LENGTH, MemorySize.parse("64kb"));
        rest = new RunningRestServer(small, temp);

        // a raw socket, because the JDK 17 HttpClient never returns when 100-continue is answered with a refusal
        try (Socket socket = new Socket("127.0.0.1", rest.server.port())) {
            String head = "POST /jars/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + RunningRestServer.TOKEN + "\r\nContent-Type: " + TestJars.multipartContentType()
                    + "\r\nContent-Length: 200000\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            assertTrue(response.contains("rest.server.max-content-length"), response);
        }
        assertEquals(200, rest.get("/jars").status());
    }

    @Test
    void submittingAJobPutsItsJarsIntoTheBlobStore() throws Exception {
        rest = RunningRestServer.start(temp);
        byte[] jar = TestJars.jarWithMainClass("org.example.WordCount", 5000);
        String jarId = Path.of(upload("jarfile", "wordcount.jar", jar).body().path("filename").asText())
                .getFileName().toString();
        JobGraph graph = graph();

        RunningRestServer.Reply reply = rest.send("POST", "/jobs", "{\"jobGraph\": " + JobGraphJson.toJson(graph)
                + ", \"jarIds\": [\"" + jarId + "\"]}");

        assertEquals(202, reply.status());
        assertEquals("/jobs/" + graph.jobId(), reply.body().path("jobUrl").asText());
        JobGraph submitted = rest.dispatcher.submitted.get(0);
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
        assertEquals(List.of(key), submitted.jarBlobKeys());
        assertArrayEquals(jar, Files.readAllBytes(rest.blobs.find(new BlobKey(key)).orElseThrow()));
        assertEquals(graph.vertices(), submitted.vertices());
    }

    @Test
    void refusesMalformedInvalidAndDuplicateSubmissions() throws Exception {
        rest = RunningRestServer.start(temp);
        String graphJson = JobGraphJson.toJson(graph());

        RunningRestServer.Reply malformed = rest.send("POST", "/jobs", "{\"jobGraph\": {");
        RunningRestServer.Reply missingGraph = rest.send("POST", "/jobs", "{\"jarIds\": []}");
        RunningRestServer.Reply invalid = rest.send("POST", "/jobs",
                "{\"jobGraph\": " + graphJson.replace("\"parallelism\":2", "\"parallelism\":0") + "}");
        RunningRestServer.Reply unknownJar = rest.send("POST", "/jobs",
                "{\"jobGraph\": " + graphJson + ", \"jarIds\": [\"nope.jar\"]}");
        RunningRestServer.Reply first = rest.send("POST", "/jobs", "{\"jobGraph\": " + graphJson + "}");
        RunningRestServer.Reply duplicate = rest.send("POST", "/jobs", "{\"jobGraph\": " + graphJson + "}");

        assertEquals(400, malformed.status());
        assertTrue(malformed.firstError().contains("not valid JSON"), malformed.firstError());
        assertEquals(400, missingGraph.status());
        assertEquals(400, invalid.status());
        assertTrue(invalid.firstError().contains("parallelism 0"), invalid.firstError());
        assertEquals(400, unknownJar.status());
        assertTrue(unknownJar.firstError().contains("nope.jar"), unknownJar.firstError());
        assertEquals(202, first.status());
        assertEquals(409, duplicate.status());
        assertEquals(1, rest.dispatcher.submitted.size());
    }

    @Test
    void runningAJarSubmitsTheJobItsMainBuildsWithTheJarAsABlob() throws Exception {
        rest = RunningRestServer.start(temp);
        byte[] jar = TestJars.jarWithMainClass(TestPrograms.Squares.class.getName(), 100);
        String jarId = uploadedId("squares.jar", jar);

        RunningRestServer.Reply run = rest.send("POST", "/jars/" + jarId + "/run",
                "{\"parallelism\": 3, \"programArgs\": \" --input  x -p 9 \"}");

        assertEquals(200, run.status(), run.body().toString());
        JobGraph submitted = rest.dispatcher.submitted.get(0);
        assertEquals(submitted.jobId().toString(), run.body().path("jobid").asText());
        assertEquals("squares", submitted.name());
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
        assertEquals(List.of(key), submitted.jarBlobKeys());
        assertTrue(rest.blobs.find(new BlobKey(key)).isPresent());
        assertTrue(submitted.vertices().stream().allMatch(vertex -> vertex.parallelism() == 3),
                submitted.vertices().toString());
        assertEquals(List.of("--input", "x", "-p", "9"), TestPrograms.Squares.lastArguments);
    }

    @Test
    void entryClassOverridesTheManifestAndArgumentsMayComeAsAList() throws Exception {
        rest = RunningRestServer.start(temp);
        String jarId = uploadedId("failing.jar", TestJars.jarWithMainClass(TestPrograms.Failing.class.getName(), 10));

        RunningRestServer.Reply run = rest.send("POST", "/jars/" + jarId + "/run", "{\"entryClass\": \""
                + TestPrograms.Squares.class.getName() + "\", \"programArgsList\": [\"--name\", \"a b\"]}");

        assertEquals(200, run.status(), run.body().toString());
        assertEquals(1, rest.dispatcher.submitted.size());
        assertEquals(List.of("--name", "a b"), TestPrograms.Squares.lastArguments);
    }

    @Test
    void aProgramThatFailsOrSubmitsNothingIsABadRequest() throws Exception {
        rest = RunningRestServer.start(temp);
        String jarId = uploadedId("failing.jar", TestJars.jarWithMainClass(TestPrograms.Failing.class.getName(), 10));

        RunningRestServer.Reply failing = rest.send("POST", "/jars/" + jarId + "/run", "{}");
        RunningRestServer.Reply idle = rest.send("POST", "/jars/" + jarId + "/run",
                "{\"entryClass\": \"" + TestPrograms.Idle.class.getName() + "\"}");
        RunningRestServer.Reply missing = rest.send("POST", "/jars/" + jarId + "/run",
                "{\"entryClass\": \"org.example.Missing\"}");

        assertEquals(400, failing.status());
        assertTrue(failing.firstError().contains("--input is required"), failing.firstError());
        assertEquals(400, idle.status());
        assertEquals("The program's main() submitted no job", idle.firstError());
        assertEquals(400, missing.status());
        assertTrue(missing.firstError().contains("org.example.Missing is not in"), missing.firstError());
        assertTrue(rest.dispatcher.submitted.isEmpty());
    }

    @Test
    void refusesBadParallelismAndUnknownJars() throws Exception {
        rest = RunningRestServer.start(temp);
        String jarId = uploadedId("squares.jar", TestJars.jarWithMainClass(TestPrograms.Squares.class.getName(), 10));

        RunningRestServer.Reply zero = rest.send("POST", "/jars/" + jarId + "/run", "{\"parallelism\": 0}");
        RunningRestServer.Reply unknown = rest.send("POST", "/jars/nope.jar/run", "{}");

        assertEquals(400, zero.status());
        assertTrue(zero.firstError().contains("'parallelism'"), zero.firstError());
        assertEquals(404, unknown.status());
        assertTrue(rest.dispatcher.submitted.isEmpty());
    }

    private String uploadedId(String fileName, byte[] jar) throws Exception {
        return Path.of(upload("jarfile", fileName, jar).body().path("filename").asText()).getFileName().toString();
    }

    private RunningRestServer.Reply upload(String field, String fileName, byte[] content) throws Exception {
        return rest.send(rest.request("/jars/upload").header("Content-Type", TestJars.multipartContentType())
                .POST(TestJars.multipart(field, fileName, content)).build());
    }

    private static JobGraph graph() {
        JobVertex source = new JobVertex(JobVertexID.generate(), "source", "org.example.Source", 2, Map.of());
        return new JobGraph(JobID.generate(), "wordcount", List.of(source), List.of(), List.of(), Map.of());
    }
}
