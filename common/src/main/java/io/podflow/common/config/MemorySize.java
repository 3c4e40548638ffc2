package io.podflow.common.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An amount of memory in bytes, written as {@code 4096m}, {@code 1g}, {@code 1024mb}, {@code 512 kb} or bytes. */
public final class MemorySize implements Comparable<MemorySize> {

    static final String EXPECTATION = "is not a memory size (examples: 4096m, 1g, 512 kb, 1048576)";

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    /** Units from largest to smallest, powers of 1024; the first name of each is the one {@link #toString} writes. */
    private static final List<Unit> UNITS = List.of(
            new Unit(1L << 40, "t", "tb", "tebibytes"),
            new Unit(1L << 30, "g", "gb", "gibibytes"),
            new Unit(1L << 20, "m", "mb", "mebibytes"),
            new Unit(1L << 10, "k", "kb", "kibibytes"),
            new Unit(1L, "b", "bytes"));

    private final long bytes;

    private MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A memory size cannot be negative: " + bytes);
        }
        this.bytes = bytes;
    }

    public static MemorySize ofBytes(long bytes) {
        return new MemorySize(bytes);
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(Math.multiplyExact(mebiBytes, 1L << 20));
    }

    /**
     * Rewrites a whole number of mebibytes, the form of Flink's legacy {@code *.heap.mb} keys, into the text form
     * {@link #parse} reads: {@code 1024} becomes {@code 1024m}.
     */
    public static String mebiBytesAsText(String wholeMebiBytes) {
        String number = wholeMebiBytes.trim();
        if (!number.matches("\\d+")) {
            throw OptionType.invalid(wholeMebiBytes, "is not a whole number of mebibytes (example: 1024)");
        }
        return number + "m";
    }

    /** Parses the text form; fails with a one-line message such as {@code '4 parsecs' is not a memory size (...)}. */
    public static MemorySize parse(String raw) {
        Matcher matcher = NUMBER_AND_UNIT.matcher(raw.trim());
        if (!matcher.matches()) {
            throw OptionType.invalid(raw, EXPECTATION);
        }
        long unitBytes = unitBytes(matcher.group(2).toLowerCase(Locale.ROOT), raw);
        try {
            return new MemorySize(Math.multiplyExact(Long.parseLong(matcher.group(1)), unitBytes));
        } catch (NumberFormatException | ArithmeticException e) {
            throw OptionType.invalid(raw, "is too large for a memory size");
        }
    }

    public long getBytes() {
        return bytes;
    }

    /** Whole kibibytes, rounded down. */
    public long getKibiBytes() {
        return bytes >> 10;
    }

    /** Whole mebibytes, rounded down. */
    public long getMebiBytes() {
        return bytes >> 20;
    }

    /** Whole gibibytes, rounded down. */
    public long getGibiBytes() {
        return bytes >> 30;
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemorySize size && size.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    /** The text form in the largest unit that represents it exactly, e.g. {@code 1g}, {@code 1536m}, {@code 100b}. */
    @Override
    public String toString() {
        for (Unit unit : UNITS) {
            if (bytes % unit.bytes == 0 && (bytes != 0 || unit.bytes == 1)) {
                return bytes / unit.bytes + unit.names.get(0);
            }
        }
        throw new AssertionError("single bytes divide every size");
    }

    private static long unitBytes(String name, String raw) {
        if (name.isEmpty()) {
            return 1;
        }
        for (Unit unit : UNITS) {
            if (unit.names.contains(name)) {
                return unit.bytes;
            }
        }
        throw OptionType.invalid(raw, EXPECTATION);
    }

    private record Unit(long bytes, List<String> names) {
        Unit(long bytes, String... names) {
            this(bytes, List.of(names));
        }
    }
}
