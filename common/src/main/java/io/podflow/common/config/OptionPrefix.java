package io.podflow.common.config;

import java.util.Objects;

/**
 * A family of free-form keys sharing a prefix, such as {@code containerized.master.env.FOO}; declared as a
 * {@code public static final} field of an option holder so that its keys are not reported as unknown.
 */
public final class OptionPrefix {

    private final String prefix;
    private final String description;

    private OptionPrefix(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    public static OptionPrefix of(String prefix) {
        if (prefix == null || prefix.isBlank() || !prefix.endsWith(".")) {
            throw new IllegalArgumentException("An option prefix must end with '.': '" + prefix + "'");
        }
        return new OptionPrefix(prefix, "");
    }

    public String prefix() {
        return prefix;
    }

    public String description() {
        return description;
    }

    public OptionPrefix withDescription(String text) {
        return new OptionPrefix(prefix, Objects.requireNonNull(text));
    }

    public boolean matches(String key) {
        return key.startsWith(prefix) && key.length() > prefix.length();
    }

    @Override
    public String toString() {
        return prefix;
    }
}
