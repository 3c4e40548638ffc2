package io.podflow.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podflow.common.config.OptionRegistry;
import io.podflow.common.config.docs.ConfigReference;
import io.podflow.common.config.docs.ConfigReferenceGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/config.md equal to what the options of every runtime module render to. */
class ConfigReferenceTest {

    private static final Path DOCS_FILE = Path.of(System.getProperty("podflow.docs.config", "../docs/config.md"));

    @Test
    void docsConfigMdMatchesTheOptionsOnTheClasspath() throws IOException {
        if (Boolean.getBoolean("podflow.docs.regenerate")) {
            ConfigReferenceGenerator.write(DOCS_FILE);
        }
        String expected = ConfigReference.render(OptionRegistry.fromClasspath());
        String actual = Files.isRegularFile(DOCS_FILE) ? Files.readString(DOCS_FILE, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, () -> DOCS_FILE.normalize() + " is out of date with the option classes; "
                + "regenerate it with: " + ConfigReference.REGENERATE_COMMAND);
    }
}
