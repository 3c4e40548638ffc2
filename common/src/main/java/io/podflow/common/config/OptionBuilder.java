package io.podflow.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Second step of declaring an option: choose its type. */
public final class OptionBuilder {

    private final String key;

    OptionBuilder(String key) {
        this.key = key;
    }

    public TypedOptionBuilder<String> stringType() {
        return typed(OptionType.STRING);
    }

    public TypedOptionBuilder<Integer> intType() {
        return typed(OptionType.INT);
    }

    public TypedOptionBuilder<Long> longType() {
        return typed(OptionType.LONG);
    }

    public TypedOptionBuilder<Double> doubleType() {
        return typed(OptionType.DOUBLE);
    }

    public TypedOptionBuilder<Boolean> booleanType() {
        return typed(OptionType.BOOLEAN);
    }

    public TypedOptionBuilder<Duration> durationType() {
        return typed(OptionType.DURATION);
    }

    public TypedOptionBuilder<MemorySize> memoryType() {
        return typed(OptionType.MEMORY);
    }

    public <E extends Enum<E>> TypedOptionBuilder<E> enumType(Class<E> enumClass) {
        return typed(OptionType.enumOf(enumClass));
    }

    public TypedOptionBuilder<List<String>> listType() {
        return typed(OptionType.LIST);
    }

    public TypedOptionBuilder<Map<String, String>> mapType() {
        return typed(OptionType.MAP);
    }

    private <T> TypedOptionBuilder<T> typed(OptionType<T> type) {
        return new TypedOptionBuilder<>(key, type);
    }
}
