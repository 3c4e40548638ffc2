package io.podflow.jobmanager.rest;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.RestOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars uploaded through {@code POST /jars/upload}, kept in their own directory until deleted. A jar's id is its
 * file name, {@code <uuid>_<original name>}, so ids are unique and never name a path outside the directory.
 */
public final class UploadedJars implements AutoCloseable {

    private static final Pattern JAR_ID = Pattern.compile("[0-9a-f-]{36}_[A-Za-z0-9._-]+\\.jar");
    private static final Pattern UNSAFE_NAME_CHARACTERS = Pattern.compile("[^A-Za-z0-9._-]");
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final Path directory;

    /** An uploaded jar as {@code GET /jars} lists it. */
    public record UploadedJar(String id, String name, long uploadedEpochMillis, Optional<String> mainClass) {
    }

    private UploadedJars(Path directory) {
        this.directory = directory;
    }

    /** Creates a fresh upload directory under {@code web.upload.dir} (the system temporary directory if unset). */
    public static UploadedJars create(Configuration config) {
        Path parent = config.getOptional(RestOptions.UPLOAD_DIRECTORY).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(parent);
            return new UploadedJars(Files.createTempDirectory(parent, "podflow-web-upload-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the jar upload directory under " + parent, e);
        }
    }

    /**
     * Moves an uploaded file in as a jar named {@code originalName}; refuses (400) anything that is not a readable
     * jar, deleting it.
     */
    public UploadedJar add(Path uploaded, String originalName) throws IOException {
        String name = UNSAFE_NAME_CHARACTERS.matcher(Path.of(originalName).getFileName().toString()).replaceAll("_");
        try {
            if (!name.endsWith(".jar")) {
                throw RestException.badRequest("Only .jar files can be uploaded, not '" + originalName + "'");
            }
            if (!startsWithZipMagic(uploaded)) {
                throw RestException.badRequest("'" + originalName + "' is not a jar (not a zip archive)");
            }
            mainClassOf(uploaded, originalName);
            Path target = directory.resolve(UUID.randomUUID() + "_" + name);
            Files.move(uploaded, target, StandardCopyOption.ATOMIC_MOVE);
            return describe(target);
        } finally {
            Files.deleteIfExists(uploaded);
        }
    }

    /** A fresh path in the upload directory to receive an upload before {@link #add} checks it. */
    public Path incomingFile() {
        return directory.resolve("incoming-" + UUID.randomUUID());
    }

    public List<UploadedJar> list() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(file -> JAR_ID.matcher(file.getFileName().toString()).matches()).toList();
            List<UploadedJar> listed = new ArrayList<>();
            for (Path jar : jars) {
                listed.add(describe(jar));
            }
            listed.sort(Comparator.comparingLong(UploadedJar::uploadedEpochMillis).reversed());
            return listed;
        }
    }

    /** The file of jar {@code id}; a 404 if there is no such upload. */
    public Path file(String id) {
        Path file = directory.resolve(JAR_ID.matcher(id).matches() ? id : "-");
        if (!Files.isRegularFile(file)) {
            throw RestException.notFound("No uploaded jar with id '" + id + "'");
        }
        return file;
    }

    public void delete(String id) throws IOException {
        Files.delete(file(id));
    }

    public Path directory() {
        return directory;
    }

    private UploadedJar describe(Path jar) throws IOException {
        String id = jar.getFileName().toString();
        return new UploadedJar(id, id.substring(id.indexOf('_') + 1), Files.getLastModifiedTime(jar).toMillis(),
                mainClassOf(jar, id));
    }

    private static boolean startsWithZipMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        }
    }

    private static Optional<String> mainClassOf(Path jar, String name) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            return Optional.ofNullable(manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            throw RestException.badRequest("'" + name + "' is not a readable jar: " + e.getMessage());
        }
    }

    /** Deletes the upload directory and every jar in it. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
