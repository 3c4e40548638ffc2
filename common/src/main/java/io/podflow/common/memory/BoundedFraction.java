package io.podflow.common.memory;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.MemorySize;

/**
 * A memory part set as a share of a whole between a floor and a ceiling, as Flink's {@code *.fraction},
 * {@code *.min} and {@code *.max} options of JVM overhead and network memory are.
 */
record BoundedFraction(String name, double fraction, MemorySize min, MemorySize max) {

    private static final long MEBIBYTE = 1L << 20;

    /** Reads the three options, whose keys share the prefix that names the part in messages. */
    static BoundedFraction read(Configuration config, ConfigOption<Double> fraction, ConfigOption<MemorySize> min,
            ConfigOption<MemorySize> max) {
        BoundedFraction part = new BoundedFraction(fraction.key().substring(0, fraction.key().lastIndexOf('.')),
                config.get(fraction), config.get(min), config.get(max));
        if (part.min.compareTo(part.max) > 0) {
            throw new IllegalConfigurationException(min.key() + " (" + part.min + ") is larger than " + max.key()
                    + " (" + part.max + "); lower the one or raise the other");
        }
        return part;
    }

    /** The share of {@code wholeBytes}, rounded down to whole mebibytes so the sizes stay readable, within bounds. */
    MemorySize of(long wholeBytes) {
        long share = (long) (Math.max(0, wholeBytes) * fraction) / MEBIBYTE * MEBIBYTE;
        return MemorySize.ofBytes(Math.min(max.getBytes(), Math.max(min.getBytes(), share)));
    }

    /** The part as messages name it: {@code taskmanager.memory.jvm-overhead (192m: 0.1 of 1728m, min 192m, max 1g)}. */
    String describe(MemorySize size, long wholeBytes) {
        return name + " (" + size + ": " + fraction + " of " + MemorySize.ofBytes(Math.max(0, wholeBytes)) + ", min "
                + min + ", max " + max + ")";
    }
}
