package io.podflow.common.config.docs;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.OptionHolder;
import io.podflow.common.config.OptionPrefix;
import io.podflow.common.config.OptionRegistry;
import java.util.ArrayList;
import java.util.List;

/** Renders the markdown reference of every option in a registry: one table per holder class. */
public final class ConfigReference {

    /** The command that rewrites {@code docs/config.md}; kept here so the sync test and the page say the same. */
    public static final String REGENERATE_COMMAND = "mvn -q -pl dist -am install -DskipTests"
            + " && mvn -q -pl dist test -Dtest=ConfigReferenceTest -Dpodflow.docs.regenerate=true";

    private ConfigReference() {
    }

    public static String render(OptionRegistry registry) {
        StringBuilder page = new StringBuilder();
        page.append("# Configuration reference\n\n")
                .append("Every option podflow reads, set in `conf/flink-conf.yaml` as `key: value` or on the command ")
                .append("line as `-Dkey=value` (which wins over the file). Generated from the option classes; do not ")
                .append("edit by hand. After changing an option, regenerate with\n\n")
                .append("    ").append(REGENERATE_COMMAND).append("\n\n")
                .append("Value forms: durations `30 s`, `5 min`, `100 ms`, `1 h` (a bare number is milliseconds); ")
                .append("memory sizes `4096m`, `1g`, `1024mb`, `512 kb` (a bare number is bytes); lists `a;b;c`; ")
                .append("maps `k1:v1,k2:v2`; enums by constant name, in any case; booleans `true` or `false`.\n");
        for (OptionHolder holder : registry.holders()) {
            appendHolder(page, holder);
        }
        return page.toString();
    }

    private static void appendHolder(StringBuilder page, OptionHolder holder) {
        page.append("\n## ").append(holder.holderClass().getSimpleName())
                .append("\n\n`").append(holder.holderClass().getName()).append("`\n");
        if (!holder.options().isEmpty()) {
            page.append("\n| Key | Type | Default | Description | Deprecated keys |\n")
                    .append("|---|---|---|---|---|\n");
            for (ConfigOption<?> option : holder.options()) {
                page.append("| `").append(option.key()).append("` | ")
                        .append(cell(option.type().name())).append(" | ")
                        .append(defaultCell(option)).append(" | ")
                        .append(cell(describe(option))).append(" | ")
                        .append(codeList(option.deprecatedKeys())).append(" |\n");
            }
        }
        if (!holder.prefixes().isEmpty()) {
            page.append("\n| Key prefix | Description |\n").append("|---|---|\n");
            for (OptionPrefix prefix : holder.prefixes()) {
                page.append("| `").append(prefix.prefix()).append("*` | ").append(cell(prefix.description()))
                        .append(" |\n");
            }
        }
    }

    private static String describe(ConfigOption<?> option) {
        List<String> parts = new ArrayList<>();
        if (!option.description().isEmpty()) {
            parts.add(option.description());
        }
        if (!option.requirement().isEmpty()) {
            parts.add("Must be " + option.requirement() + ".");
        }
        if (!option.fallbackKeys().isEmpty()) {
            parts.add("When unset, read from " + String.join(", ", option.fallbackKeys()) + ".");
        }
        return String.join(" ", parts);
    }

    private static <T> String defaultCell(ConfigOption<T> option) {
        if (!option.hasDefaultValue()) {
            return "(none)";
        }
        String text = option.type().format(option.defaultValue());
        return text.isEmpty() ? "(empty)" : "`" + text.replace("|", "\\|") + "`";
    }

    private static String codeList(List<String> keys) {
        return String.join(", ", keys.stream().map(key -> "`" + key + "`").toList());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }
}
