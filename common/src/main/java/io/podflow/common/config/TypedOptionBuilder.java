package io.podflow.common.config;

/** Last step of declaring an option: give its default, or say it has none. */
public final class TypedOptionBuilder<T> {

    private final String key;
    private final OptionType<T> type;

    TypedOptionBuilder(String key, OptionType<T> type) {
        this.key = key;
        this.type = type;
    }

    public ConfigOption<T> defaultValue(T value) {
        if (value == null) {
            throw new IllegalArgumentException("Default of '" + key + "' is null; use noDefaultValue()");
        }
        return ConfigOption.create(key, type, value);
    }

    public ConfigOption<T> noDefaultValue() {
        return ConfigOption.create(key, type, null);
    }
}
