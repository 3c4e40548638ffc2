package io.podflow.jobmanager.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.RestOptions;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.jobmanager.rest.handler.RestEndpoints;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A REST server on a free loopback port over fake gateways, and a client that calls it with the right token. */
final class RunningRestServer implements AutoCloseable {

    static final String TOKEN = "rest-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeDispatcher dispatcher = new FakeDispatcher();
    final FakeResourceManager resourceManager = new FakeResourceManager();
    final UploadedJars jars;
    final BlobStore blobs;
    final RestServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Optional<String> token;

    /** The answer to one call: its status and its body read as JSON. */
    record Reply(int status, JsonNode body) {

        String firstError() {
            return body.path("errors").path(0).asText();
        }
    }

    RunningRestServer(Configuration overrides, Path temp) {
        Configuration config = new Configuration()
                .set(RestOptions.PORT, 0)
                .set(RestOptions.BIND_ADDRESS, "127.0.0.1")
                .set(RestOptions.AUTHENTICATION_TOKEN, TOKEN)
                .set(RestOptions.UPLOAD_DIRECTORY, temp.resolve("uploads").toString());
        overrides.toMap().forEach(config::setString);
        this.token = config.get(RestOptions.AUTHENTICATION) == RestOptions.Authentication.NONE ? Optional.empty()
                : Optional.of(TOKEN);
        this.jars = UploadedJars.create(config);
        this.blobs = BlobStore.createUnder(temp.resolve("blobs"));
        this.server = RestServer.start(config, RestEndpoints.router(config, dispatcher, resourceManager, jars, blobs),
                jars);
    }

    static RunningRestServer start(Path temp) {
        return new RunningRestServer(new Configuration(), temp);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofMinutes(1));
        token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
        return builder;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Reply send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
    }

    @Override
    public void close() throws IOException {
        server.close();
        jars.close();
        blobs.close();
    }
}
