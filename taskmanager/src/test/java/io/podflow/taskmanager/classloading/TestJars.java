package io.podflow.taskmanager.classloading;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiles Java sources with the JDK's compiler and packs the classes, plus extra resources, into a jar. */
public final class TestJars {

    private TestJars() {
    }

    /** {@code sources} maps class names to source text; {@code classpath} lists what they compile against. */
    public static Path build(Path jar, Map<String, String> sources, Map<String, String> resources,
            List<Path> classpath) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "javac");
        List<String> arguments = new ArrayList<>(List.of("-d", work.toString()));
        if (!classpath.isEmpty()) {
            arguments.add("-cp");
            arguments.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("Test sources did not compile: " + sources.keySet());
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                out.putNextEntry(new JarEntry(work.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                out.putNextEntry(new JarEntry(resource.getKey()));
                out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
