package io.podflow.common.config.docs;

import io.podflow.common.config.OptionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the configuration reference of every option on the classpath to the file named by the first argument. */
public final class ConfigReferenceGenerator {

    private ConfigReferenceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: ConfigReferenceGenerator <output file, e.g. docs/config.md>");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    public static void write(Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, ConfigReference.render(OptionRegistry.fromClasspath()), StandardCharsets.UTF_8);
    }
}
