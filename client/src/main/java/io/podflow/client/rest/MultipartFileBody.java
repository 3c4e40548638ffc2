package io.podflow.client.rest;

import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A multipart/form-data body with one file field, streamed from disk rather than read into memory. */
final class MultipartFileBody {

    private final String boundary = "podflow-" + UUID.randomUUID();
    private final String fieldName;
    private final Path file;

    MultipartFileBody(String fieldName, Path file) {
        this.fieldName = fieldName;
        this.file = file;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() throws IOException {
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + fieldName + "\"; filename=\"" + file.getFileName()
                + "\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + Files.size(file) + tail.length;
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                List<InputStream> parts = List.of(new ByteArrayInputStream(head), Files.newInputStream(file),
                        new ByteArrayInputStream(tail));
                return new SequenceInputStream(Collections.enumeration(parts));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }), length);
    }
}
