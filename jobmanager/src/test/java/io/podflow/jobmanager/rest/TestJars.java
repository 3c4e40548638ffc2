package io.podflow.jobmanager.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small jars and the multipart bodies that upload them. */
final class TestJars {

    static final String BOUNDARY = "podflow-test-boundary";

    private TestJars() {
    }

    static byte[] jarWithMainClass(String mainClass, int paddingBytes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("padding.bin"));
            byte[] padding = new byte[paddingBytes];
            new Random(paddingBytes).nextBytes(padding);
            jar.write(padding);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    static HttpRequest.BodyPublisher multipart(String field, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
    }

    static String multipartContentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }
}
