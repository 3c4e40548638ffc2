package io.podflow.jobmanager.rest.handler;

import io.podflow.jobmanager.rest.FileUploadRequest;
import io.podflow.jobmanager.rest.RestException;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.jobmanager.rest.UploadedJars;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /jars/upload}: keeps the jar sent as multipart/form-data file field {@code jarfile} (already streamed
 * to disk by the server) and answers {@code {"filename": "<dir>/<jar id>", "status": "success"}}. Anything but a jar
 * is a 400.
 */
public final class JarUploadHandler implements RestHandler {

    /** The multipart field Flink's clients put the jar in. */
    public static final String FIELD = "jarfile";

    private final UploadedJars jars;

    /** The body of {@code POST /jars/upload}; the last path segment of {@code filename} is the jar id. */
    record JarUploadResponse(String filename, String status) {
    }

    public JarUploadHandler(UploadedJars jars) {
        this.jars = jars;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) throws IOException {
        if (!(request.http() instanceof FileUploadRequest upload)) {
            throw new IllegalStateException("POST /jars/upload must pass through the server's upload receiver");
        }
        Path file = upload.file().orElseThrow(() -> RestException.badRequest(
                "The multipart body has no file field '" + FIELD + "'"));
        UploadedJars.UploadedJar jar = jars.add(file, upload.fileName());
        return CompletableFuture.completedFuture(RestResponse.ok(new JarUploadResponse(
                jars.directory().resolve(jar.id()).toString(), "success")));
    }
}
