package io.podflow.common.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The type of an option's value and its text form, as written in {@code flink-conf.yaml} and {@code -D}.
 *
 * <p>{@link #parse} fails with an {@link IllegalArgumentException} whose message is one line such as
 * {@code 'four' is not an integer}; {@link Configuration} puts the key in front of it.
 */
public final class OptionType<T> {

    static final String LIST_SEPARATOR = ";";
    static final String MAP_ENTRY_SEPARATOR = ",";
    static final String MAP_KEY_VALUE_SEPARATOR = ":";

    public static final OptionType<String> STRING = new OptionType<>("String", raw -> raw, value -> value);
    public static final OptionType<Integer> INT = new OptionType<>("Integer", OptionType::parseInt, String::valueOf);
    public static final OptionType<Long> LONG = new OptionType<>("Long", OptionType::parseLong, String::valueOf);
    public static final OptionType<Double> DOUBLE =
            new OptionType<>("Double", OptionType::parseDouble, String::valueOf);
    public static final OptionType<Boolean> BOOLEAN =
            new OptionType<>("Boolean", OptionType::parseBoolean, String::valueOf);
    public static final OptionType<Duration> DURATION =
            new OptionType<>("Duration", DurationFormat::parse, DurationFormat::format);
    public static final OptionType<MemorySize> MEMORY =
            new OptionType<>("MemorySize", MemorySize::parse, MemorySize::toString);
    public static final OptionType<List<String>> LIST =
            new OptionType<>("List<String>", OptionType::parseList, OptionType::formatList);
    public static final OptionType<Map<String, String>> MAP =
            new OptionType<>("Map", OptionType::parseMap, OptionType::formatMap);

    private final String name;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;

    private OptionType(String name, Function<String, T> parser, Function<T, String> formatter) {
        this.name = name;
        this.parser = parser;
        this.formatter = formatter;
    }

    /** An enum type whose values are written by constant name, matched case-insensitively. */
    public static <E extends Enum<E>> OptionType<E> enumOf(Class<E> enumClass) {
        E[] constants = enumClass.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        return new OptionType<>("Enum (" + names + ")", raw -> {
            String wanted = raw.trim();
            for (E constant : constants) {
                if (constant.name().equalsIgnoreCase(wanted)) {
                    return constant;
                }
            }
            throw invalid(raw, "is not one of " + names);
        }, Enum::name);
    }

    /** Name shown in the configuration reference. */
    public String name() {
        return name;
    }

    public T parse(String raw) {
        return parser.apply(raw);
    }

    public String format(T value) {
        return formatter.apply(value);
    }

    static IllegalArgumentException invalid(String raw, String expectation) {
        return new IllegalArgumentException("'" + raw + "' " + expectation);
    }

    private static Integer parseInt(String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(raw, "is not an integer");
        }
    }

    private static Long parseLong(String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(raw, "is not an integer");
        }
    }

    private static Double parseDouble(String raw) {
        try {
            double value = Double.parseDouble(raw.trim());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw invalid(raw, "is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(raw, "is not a number");
        }
    }

    private static Boolean parseBoolean(String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return Boolean.TRUE;
        }
        if (value.equals("false")) {
            return Boolean.FALSE;
        }
        throw invalid(raw, "is not a boolean (true or false)");
    }

    private static List<String> parseList(String raw) {
        if (raw.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : raw.split(LIST_SEPARATOR, -1)) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return Collections.unmodifiableList(items);
    }

    private static String formatList(List<String> items) {
        for (String item : items) {
            if (item.contains(LIST_SEPARATOR)) {
                throw invalid(item, "cannot be a list item because it contains '" + LIST_SEPARATOR + "'");
            }
        }
        return String.join(LIST_SEPARATOR, items);
    }

    private static Map<String, String> parseMap(String raw) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (raw.isBlank()) {
            return Collections.unmodifiableMap(entries);
        }
        for (String entry : raw.split(MAP_ENTRY_SEPARATOR, -1)) {
            if (entry.isBlank()) {
                continue;
            }
            int separator = entry.indexOf(MAP_KEY_VALUE_SEPARATOR);
            if (separator <= 0 || entry.substring(0, separator).isBlank()) {
                throw invalid(raw, "is not a map (form: k1:v1,k2:v2)");
            }
            entries.put(entry.substring(0, separator).trim(), entry.substring(separator + 1).trim());
        }
        return Collections.unmodifiableMap(entries);
    }

    private static String formatMap(Map<String, String> entries) {
        entries.forEach((key, value) -> {
            if (key.isBlank() || key.contains(MAP_ENTRY_SEPARATOR) || key.contains(MAP_KEY_VALUE_SEPARATOR)) {
                throw invalid(key, "cannot be a map key: it is blank or contains ',' or ':'");
            }
            if (value.contains(MAP_ENTRY_SEPARATOR)) {
                throw invalid(value, "cannot be a map value because it contains ','");
            }
        });
        return entries.entrySet().stream()
                .map(entry -> entry.getKey() + MAP_KEY_VALUE_SEPARATOR + entry.getValue())
                .collect(Collectors.joining(MAP_ENTRY_SEPARATOR));
    }
}
