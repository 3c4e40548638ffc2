package io.podflow.e2e.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packs a job written in the test sources into the jar a user would hand to {@code bin/flink}: the main class and
 * every other class of its package (its functions), with {@code Main-Class} in the manifest.
 */
public final class JobJar {

    private JobJar() {
    }

    /** Writes the jar of {@code mainClass}'s package to {@code jar} and returns it. */
    public static Path build(Class<?> mainClass, Path jar) throws IOException {
        Path classes = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path packageDir = classes.resolve(mainClass.getPackageName().replace('.', '/'));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Main-Class", mainClass.getName());
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> entries = Files.list(packageDir)) {
            for (Path classFile : entries.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
        }
        return jar;
    }
}
