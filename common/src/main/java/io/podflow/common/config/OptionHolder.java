package io.podflow.common.config;

import java.util.List;

/** The options and prefixes one holder class declares as {@code public static final} fields. */
public record OptionHolder(Class<?> holderClass, List<ConfigOption<?>> options, List<OptionPrefix> prefixes) {

    public OptionHolder {
        options = List.copyOf(options);
        prefixes = List.copyOf(prefixes);
    }
}
