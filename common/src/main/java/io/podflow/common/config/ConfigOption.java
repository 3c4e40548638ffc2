package io.podflow.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One typed configuration option: its key, type, default, description, and the older or more general keys
 * read when the key itself is not set. Immutable; the {@code with*} methods return changed copies.
 */
public final class ConfigOption<T> {

    private static final OptionRule<Object> ANY_VALUE = new OptionRule<>(value -> true, "");

    private final String key;
    private final OptionType<T> type;
    private final T defaultValue;
    private final String description;
    /** Each deprecated key, in lookup order, with how a value written for it reads in this option's form. */
    private final Map<String, UnaryOperator<String>> deprecatedKeys;
    private final List<String> fallbackKeys;
    private final OptionRule<? super T> rule;

    private ConfigOption(String key, OptionType<T> type, T defaultValue, String description,
            Map<String, UnaryOperator<String>> deprecatedKeys, List<String> fallbackKeys, OptionRule<? super T> rule) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.deprecatedKeys = new LinkedHashMap<>(deprecatedKeys);
        this.fallbackKeys = List.copyOf(fallbackKeys);
        this.rule = rule;
    }

    static <T> ConfigOption<T> create(String key, OptionType<T> type, T defaultValue) {
        return new ConfigOption<>(key, type, defaultValue, "", Map.of(), List.of(), ANY_VALUE);
    }

    public String key() {
        return key;
    }

    public OptionType<T> type() {
        return type;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    /** The default, or {@code null} when the option has none. */
    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Old names of this option, read (with a warning at load time) when the key itself is not set. */
    public List<String> deprecatedKeys() {
        return List.copyOf(deprecatedKeys.keySet());
    }

    /** Keys of more general options whose value is used when neither the key nor a deprecated key is set. */
    public List<String> fallbackKeys() {
        return fallbackKeys;
    }

    /** What a valid value must be, e.g. {@code at least 1}; empty when every value of the type is valid. */
    public String requirement() {
        return rule.requirement();
    }

    public ConfigOption<T> withDescription(String text) {
        return new ConfigOption<>(key, type, defaultValue, Objects.requireNonNull(text), deprecatedKeys, fallbackKeys,
                rule);
    }

    /** Sets the old names whose values are written as this option's are; see {@link #withDeprecatedKey}. */
    public ConfigOption<T> withDeprecatedKeys(String... keys) {
        Map<String, UnaryOperator<String>> sameForm = new LinkedHashMap<>();
        for (String oldKey : keys) {
            sameForm.put(oldKey, UnaryOperator.identity());
        }
        return new ConfigOption<>(key, type, defaultValue, description, sameForm, fallbackKeys, rule);
    }

    /**
     * Adds an old name, looked up after the deprecated keys already given, whose values are written in another form:
     * {@code toCurrentForm} rewrites one into this option's form, e.g. {@code 1024} of {@code jobmanager.heap.mb}
     * into {@code 1024m}, and throws {@link IllegalArgumentException} with a one-line reason when it cannot.
     */
    public ConfigOption<T> withDeprecatedKey(String oldKey, UnaryOperator<String> toCurrentForm) {
        Map<String, UnaryOperator<String>> keys = new LinkedHashMap<>(deprecatedKeys);
        keys.put(oldKey, Objects.requireNonNull(toCurrentForm));
        return new ConfigOption<>(key, type, defaultValue, description, keys, fallbackKeys, rule);
    }

    public ConfigOption<T> withFallbackKeys(String... keys) {
        return new ConfigOption<>(key, type, defaultValue, description, deprecatedKeys, List.of(keys), rule);
    }

    /**
     * Restricts the values this option accepts. {@code requirement} completes "must be ...", e.g.
     * {@code withValidator(slots -> slots >= 1, "at least 1")}.
     */
    public ConfigOption<T> withValidator(Predicate<? super T> accepts, String requirement) {
        return withValidator(new OptionRule<T>(accepts, requirement));
    }

    /** Restricts the values this option accepts, e.g. {@code withValidator(OptionRule.port())}. */
    public ConfigOption<T> withValidator(OptionRule<? super T> newRule) {
        if (defaultValue != null && !newRule.accepts().test(defaultValue)) {
            throw new IllegalArgumentException("Default of '" + key + "' must be " + newRule.requirement());
        }
        return new ConfigOption<>(key, type, defaultValue, description, deprecatedKeys, fallbackKeys, newRule);
    }

    /** The key, then the deprecated keys, then the fallback keys: the order in which a value is looked up. */
    public List<String> lookupKeys() {
        List<String> keys = new ArrayList<>(1 + deprecatedKeys.size() + fallbackKeys.size());
        keys.add(key);
        keys.addAll(deprecatedKeys.keySet());
        keys.addAll(fallbackKeys);
        return keys;
    }

    /** The value as this option writes it: a deprecated key's value rewritten, any other as it is. */
    String inCurrentForm(String lookupKey, String raw) {
        return deprecatedKeys.getOrDefault(lookupKey, UnaryOperator.identity()).apply(raw);
    }

    boolean accepts(T value) {
        return rule.accepts().test(value);
    }

    @Override
    public String toString() {
        return key;
    }
}
