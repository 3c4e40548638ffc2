package io.podflow.jobmanager.rest;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.EmptyHttpHeaders;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A multipart upload whose file part was already streamed to disk by {@link JarUploadReceiver}: the request
 * carries no body, only where the file landed and the name the client gave it.
 */
public final class FileUploadRequest extends DefaultFullHttpRequest {

    private final Path file;
    private final String fileName;

    FileUploadRequest(HttpRequest head, Path file, String fileName) {
        super(HttpVersion.HTTP_1_1, head.method(), head.uri(), Unpooled.EMPTY_BUFFER, head.headers(),
                EmptyHttpHeaders.INSTANCE);
        this.file = file;
        this.fileName = fileName;
    }

    /** The received file and its client-side name, or empty when the body had no file in the expected field. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public String fileName() {
        return fileName;
    }
}
