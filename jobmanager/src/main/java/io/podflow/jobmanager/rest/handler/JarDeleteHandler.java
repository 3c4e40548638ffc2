package io.podflow.jobmanager.rest.handler;

import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.jobmanager.rest.UploadedJars;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code DELETE /jars/{jarid}}: forgets an uploaded jar; jobs already submitted from it keep their blob copy. */
public final class JarDeleteHandler implements RestHandler {

    private final UploadedJars jars;

    public JarDeleteHandler(UploadedJars jars) {
        this.jars = jars;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) throws IOException {
        jars.delete(request.pathParameter(JarRunHandler.JAR_ID));
        return CompletableFuture.completedFuture(RestResponse.ok(Map.of()));
    }
}
