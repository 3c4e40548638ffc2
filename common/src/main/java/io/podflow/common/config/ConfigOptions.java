package io.podflow.common.config;

/** Entry point for declaring options: {@code ConfigOptions.key("a.b").intType().defaultValue(1)}. */
public final class ConfigOptions {

    private ConfigOptions() {
    }

    public static OptionBuilder key(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("An option key must not be blank");
        }
        return new OptionBuilder(key.trim());
    }
}
