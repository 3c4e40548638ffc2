package io.podflow.common.config.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;
import io.podflow.common.config.OptionPrefix;
import io.podflow.common.config.OptionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReferenceRenderingTest {

    /** Options covering every column of the reference. */
    public static final class SampleOptions {
        public static final ConfigOption<Duration> TIMEOUT = ConfigOptions.key("sample.timeout")
                .durationType().defaultValue(Duration.ofSeconds(30))
                .withFallbackKeys("rpc.ask.timeout")
                .withDescription("Waits | at most\nthis long.");
        public static final ConfigOption<Integer> SLOTS = ConfigOptions.key("sample.slots")
                .intType().noDefaultValue()
                .withDeprecatedKeys("sample.slot-count", "sample.numberOfSlots")
                .withValidator(slots -> slots > 0, "at least 1");
        public static final ConfigOption<Map<String, String>> LABELS = ConfigOptions.key("sample.labels")
                .mapType().defaultValue(Map.of())
                .withDescription("Labels.");
        public static final OptionPrefix ENV = OptionPrefix.of("sample.env.").withDescription("One variable a key.");
    }

    @TempDir
    Path directory;

    @Test
    void rendersOneRowPerOptionWithTypeDefaultRulesAndOldKeys() {
        List<String> lines = ConfigReference.render(OptionRegistry.of(List.of(SampleOptions.class))).lines().toList();
        int heading = lines.indexOf("## SampleOptions");
        assertEquals(List.of(
                "## SampleOptions",
                "",
                "`io.podflow.common.config.docs.ConfigReferenceRenderingTest$SampleOptions`",
                "",
                "| Key | Type | Default | Description | Deprecated keys |",
                "|---|---|---|---|---|",
                "| `sample.labels` | Map | (empty) | Labels. |  |",
                "| `sample.slots` | Integer | (none) | Must be at least 1. "
                        + "| `sample.slot-count`, `sample.numberOfSlots` |",
                "| `sample.timeout` | Duration | `30 s` | Waits \\| at most this long. When unset, read from "
                        + "rpc.ask.timeout. |  |",
                "",
                "| Key prefix | Description |",
                "|---|---|",
                "| `sample.env.*` | One variable a key. |"), lines.subList(heading, lines.size()));
    }

    @Test
    void theGeneratorWritesTheReferenceOfTheClasspathOptions() throws IOException {
        Path output = directory.resolve("docs/config.md");
        ConfigReferenceGenerator.main(new String[] {output.toString()});
        String written = Files.readString(output);
        assertEquals(ConfigReference.render(OptionRegistry.fromClasspath()), written);
        assertTrue(written.contains("| `taskmanager.numberOfTaskSlots` | Integer | `1` |"), written);
    }
}
