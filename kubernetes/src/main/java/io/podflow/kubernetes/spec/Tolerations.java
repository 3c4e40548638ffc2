package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.OptionType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads tolerations written as {@code key:k,operator:Equal,value:v,effect:NoSchedule;key:k2,operator:Exists}. */
public final class Tolerations {

    private static final Set<String> FIELDS = Set.of("key", "operator", "value", "effect", "tolerationseconds");

    private Tolerations() {
    }

    public static List<Toleration> fromConfig(Configuration config, ConfigOption<List<String>> option) {
        return config.get(option).stream().map(entry -> parse(option.key(), entry)).toList();
    }

    static Toleration parse(String optionKey, String entry) {
        Map<String, String> fields;
        try {
            fields = OptionType.MAP.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException(optionKey + ": " + e.getMessage(), e);
        }
        TolerationBuilder toleration = new TolerationBuilder();
        fields.forEach((field, value) -> {
            switch (field.toLowerCase(Locale.ROOT)) {
                case "key" -> toleration.withKey(value);
                case "operator" -> toleration.withOperator(value);
                case "value" -> toleration.withValue(value);
                case "effect" -> toleration.withEffect(value);
                case "tolerationseconds" -> toleration.withTolerationSeconds(seconds(optionKey, value));
                default -> throw new IllegalConfigurationException(optionKey + ": '" + field
                        + "' is not a toleration field (use " + String.join(", ", FIELDS.stream().sorted().toList())
                        + ")");
            }
        });
        return toleration.build();
    }

    private static long seconds(String optionKey, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalConfigurationException(optionKey + ": tolerationSeconds '" + value
                    + "' is not a whole number", e);
        }
    }
}
