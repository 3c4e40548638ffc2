package io.podflow.jobmanager.rest.handler;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.jobmanager.rest.UploadedJars;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code GET /jars}: the uploaded jars, newest first, with the main class their manifest names. */
public final class JarListHandler implements RestHandler {

    private final UploadedJars jars;

    /** The body of {@code GET /jars}. */
    record JarList(String address, List<JarFileInfo> files) {
    }

    /** One uploaded jar. */
    record JarFileInfo(String id, String name, long uploaded, List<JarEntryInfo> entry) {
    }

    /** An entry point of a jar: its main class. */
    record JarEntryInfo(String name, String description) {
    }

    public JarListHandler(UploadedJars jars) {
        this.jars = jars;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) throws IOException {
        String host = request.http().headers().get(HttpHeaderNames.HOST, "");
        List<JarFileInfo> files = jars.list().stream().map(jar -> new JarFileInfo(jar.id(), jar.name(),
                jar.uploadedEpochMillis(), jar.mainClass().map(main -> List.of(new JarEntryInfo(main, null)))
                .orElse(List.of()))).toList();
        return CompletableFuture.completedFuture(RestResponse.ok(new JarList("http://" + host, files)));
    }
}
