package io.podflow.jobmanager.rest.handler;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.podflow.jobmanager.rest.RestException;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.jobmanager.rest.UploadedJars;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /jars/upload}: takes a multipart/form-data body whose file field {@code jarfile} holds a jar, keeps
 * it, and answers {@code {"filename": "<path>/<jar id>", "status": "success"}}. Anything but a jar is a 400.
 */
public final class JarUploadHandler implements RestHandler {

    static final String FIELD = "jarfile";

    private final UploadedJars jars;

    /** The body of {@code POST /jars/upload}; the last path segment of {@code filename} is the jar id. */
    record JarUploadResponse(String filename, String status) {
    }

    public JarUploadHandler(UploadedJars jars) {
        this.jars = jars;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) throws IOException {
        String contentType = request.http().headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw RestException.badRequest("Upload a jar as multipart/form-data with the file in field '" + FIELD
                    + "'");
        }
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(DefaultHttpDataFactory.MINSIZE),
                    request.http());
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw RestException.badRequest("Malformed multipart body: " + e.getMessage());
        }
        try {
            InterfaceHttpData field = decoder.getBodyHttpData(FIELD);
            if (!(field instanceof FileUpload upload)) {
                throw RestException.badRequest("The multipart body has no file field '" + FIELD + "'");
            }
            Path incoming = jars.incomingFile();
            upload.renameTo(incoming.toFile());
            UploadedJars.UploadedJar jar = jars.add(incoming, upload.getFilename());
            return CompletableFuture.completedFuture(RestResponse.ok(new JarUploadResponse(
                    jars.directory().resolve(jar.id()).toString(), "success")));
        } catch (HttpPostRequestDecoder.NotEnoughDataDecoderException e) {
            throw RestException.badRequest("The multipart body ends before its last part: " + e.getMessage());
        } finally {
            decoder.destroy();
        }
    }
}
