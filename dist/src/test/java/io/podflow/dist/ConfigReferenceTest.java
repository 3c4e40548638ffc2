package io.podflow.dist;

import static org.junit.jupiter.api.Assertions.fail;

import io.podflow.common.config.OptionRegistry;
import io.podflow.common.config.docs.ConfigReference;
import io.podflow.common.config.docs.ConfigReferenceGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps docs/config.md equal to what the options of every runtime module render to. */
class ConfigReferenceTest {

    private static final Path DOCS_FILE =
            Path.of(System.getProperty("podflow.docs.config", "../docs/config.md")).normalize();

    @Test
    void docsConfigMdMatchesTheOptionsOnTheClasspath() throws IOException {
        if (Boolean.getBoolean("podflow.docs.regenerate")) {
            ConfigReferenceGenerator.write(DOCS_FILE);
        }
        List<String> expected = ConfigReference.render(OptionRegistry.fromClasspath()).lines().toList();
        List<String> actual = Files.isRegularFile(DOCS_FILE)
                ? Files.readString(DOCS_FILE, StandardCharsets.UTF_8).lines().toList() : List.of();
        for (int line = 0; line < Math.max(expected.size(), actual.size()); line++) {
            String wanted = line < expected.size() ? expected.get(line) : "(end of file)";
            String found = line < actual.size() ? actual.get(line) : "(end of file)";
            if (!wanted.equals(found)) {
                fail(DOCS_FILE + " is out of date with the option classes (line " + (line + 1) + ": expected '"
                        + wanted + "', found '" + found + "'); regenerate it with: "
                        + ConfigReference.REGENERATE_COMMAND);
            }
        }
    }
}
