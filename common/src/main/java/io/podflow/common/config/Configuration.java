package io.podflow.common.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration values by key, kept in their text form and parsed on read. Mutable and not thread-safe:
 * hand a {@link #copy()} to another thread.
 */
public final class Configuration {

    private final Map<String, String> values;

    public Configuration() {
        this.values = new LinkedHashMap<>();
    }

    public Configuration(Configuration other) {
        this.values = new LinkedHashMap<>(other.values);
    }

    public static Configuration fromMap(Map<String, String> entries) {
        Configuration configuration = new Configuration();
        entries.forEach(configuration::setString);
        return configuration;
    }

    /**
     * The option's value, read from its key, then its deprecated keys, then its fallback keys, else its default
     * ({@code null} when it has none).
     *
     * @throws IllegalConfigurationException when the value found is not valid for the option
     */
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElse(option.defaultValue());
    }

    /** Like {@link #get} but empty, instead of the default, when no key of the option is set. */
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        for (String key : option.lookupKeys()) {
            String raw = values.get(key);
            if (raw != null) {
                return Optional.of(parse(option, key, raw));
            }
        }
        return Optional.empty();
    }

    /**
     * Stores the value in its text form under the option's key.
     *
     * @throws IllegalConfigurationException when the option does not accept the value
     */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        Objects.requireNonNull(value, () -> "Value of '" + option.key() + "' must not be null");
        String text;
        try {
            text = option.type().format(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException(option.key() + ": " + e.getMessage(), e);
        }
        if (!option.accepts(value)) {
            throw notAccepted(option, option.key(), text);
        }
        values.put(option.key(), text);
        return this;
    }

    /** Whether the option's key, or one of its deprecated or fallback keys, is set. */
    public boolean contains(ConfigOption<?> option) {
        return option.lookupKeys().stream().anyMatch(values::containsKey);
    }

    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public Configuration setString(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "Value of '" + key + "'"));
        return this;
    }

    /**
     * Entries whose key starts with {@code prefix}, keyed by the rest of the key: for
     * {@code containerized.master.env.} the entry {@code containerized.master.env.FOO: bar} becomes {@code FOO: bar}.
     */
    public Map<String, String> getPrefixed(String prefix) {
        Map<String, String> entries = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                entries.put(key.substring(prefix.length()), value);
            }
        });
        return Collections.unmodifiableMap(entries);
    }

    /** Entries of a declared prefix, keyed by the rest of the key; see {@link #getPrefixed(String)}. */
    public Map<String, String> getPrefixed(OptionPrefix prefix) {
        return getPrefixed(prefix.prefix());
    }

    /** All entries in their text form, in the order they were first set. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Configuration copy() {
        return new Configuration(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Configuration configuration && configuration.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Lists keys only: values may be secrets. */
    @Override
    public String toString() {
        return "Configuration" + values.keySet();
    }

    private static <T> T parse(ConfigOption<T> option, String key, String raw) {
        T value;
        try {
            value = option.type().parse(option.inCurrentForm(key, raw));
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException(key + ": " + e.getMessage(), e);
        }
        if (!option.accepts(value)) {
            throw notAccepted(option, key, raw);
        }
        return value;
    }

    private static IllegalConfigurationException notAccepted(ConfigOption<?> option, String key, String raw) {
        return new IllegalConfigurationException(
                key + ": '" + raw + "' is not allowed (must be " + option.requirement() + ")");
    }
}
