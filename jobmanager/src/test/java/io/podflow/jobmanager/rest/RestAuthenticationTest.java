package io.podflow.jobmanager.rest;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.RestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestAuthenticationTest {

    @TempDir
    Path temp;

    @Test
    void refusesRequestsWithoutTheBearerTokenAndKeepsServing() throws Exception {
        try (RunningRestServer rest = RunningRestServer.start(temp)) {
            HttpRequest anonymous = HttpRequest.newBuilder(uri(rest, "/jobs")).GET().build();
            HttpRequest wrongToken = HttpRequest.newBuilder(uri(rest, "/jobs"))
                    .header("Authorization", "Bearer not-" + RunningRestServer.TOKEN).GET().build();
            HttpRequest basic = HttpRequest.newBuilder(uri(rest, "/jobs"))
                    .header("Authorization", "Basic " + RunningRestServer.TOKEN).GET().build();

            RunningRestServer.Reply missing = rest.send(anonymous);
            RunningRestServer.Reply wrong = rest.send(wrongToken);
            RunningRestServer.Reply notBearer = rest.send(basic);

            assertEquals(401, missing.status());
            assertTrue(missing.firstError().contains("Authorization: Bearer"), missing.firstError());
            assertEquals(401, wrong.status());
            assertTrue(wrong.firstError().contains("not valid"), wrong.firstError());
            assertEquals(401, notBearer.status());
            assertEquals(200, rest.get("/jobs").status());
        }
    }

    @Test
    void refusesAnUnauthenticatedUploadWithoutReadingItIntoTheHandler() throws Exception {
        try (RunningRestServer rest = RunningRestServer.start(temp)) {
            HttpRequest upload = HttpRequest.newBuilder(uri(rest, "/jars/upload"))
                    .header("Content-Type", TestJars.multipartContentType())
                    .POST(TestJars.multipart("jarfile", "job.jar", TestJars.jarWithMainClass("a.Main", 1000)))
                    .build();

            assertEquals(401, rest.send(upload).status());
            assertEquals(0, rest.get("/jars").body().path("files").size());
        }
    }

    @Test
    void authenticationNoneLeavesTheApiOpen() throws Exception {
        Configuration open = new Configuration().set(RestOptions.AUTHENTICATION, RestOptions.Authentication.NONE);
        try (RunningRestServer rest = new RunningRestServer(open, temp)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri(rest, "/jobs")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
        }
    }

    @Test
    void refusesToStartWithoutATokenUnlessAuthenticationIsExplicitlyOff() {
        Configuration config = new Configuration().set(RestOptions.PORT, 0);

        IllegalConfigurationException refused = assertThrows(IllegalConfigurationException.class,
                () -> RestServer.start(config, new Router(), null));

        assertTrue(refused.getMessage().contains("rest.authentication.token"), refused.getMessage());
        assertTrue(refused.getMessage().contains("rest.authentication: none"), refused.getMessage());
    }

    private static URI uri(RunningRestServer rest, String path) {
        return URI.create("http://127.0.0.1:" + rest.server.port() + path);
    }
}
