package io.podflow.common.memory;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.MemorySize;

import java.util.ArrayList;
import java.util.List;

/**
 * A process size split into the parts set aside beside the JVM heap, each named by its option, so that a split
 * that does not fit fails with one line naming every key and value involved.
 */
final class ProcessBudget {

    /** Below this a derived heap is a sign of a process size meant for something else, not a usable JobManager. */
    static final MemorySize MIN_DERIVED_HEAP = MemorySize.ofMebiBytes(128);

    private final String process;
    private final long processBytes;
    private final List<String> parts = new ArrayList<>();
    private long reservedBytes;

    /** The role's process size with its JVM overhead and metaspace set aside. */
    ProcessBudget(Configuration config, ProcessMemoryOptions options) {
        this.process = describe(config, options.processSize());
        this.processBytes = config.get(options.processSize()).getBytes();
        reserveShare(BoundedFraction.read(config, options.overheadFraction(), options.overheadMin(),
                options.overheadMax()), processBytes);
        reserve(config, options.metaspace());
    }

    /** What the process size leaves after the parts reserved so far; negative when they do not fit. */
    long remainingBytes() {
        return processBytes - reservedBytes;
    }

    /** Sets aside the option's size (its value or default). */
    MemorySize reserve(Configuration config, ConfigOption<MemorySize> option) {
        return reserve(describe(config, option), config.get(option));
    }

    /** Sets aside the part's share of {@code wholeBytes}. */
    MemorySize reserveShare(BoundedFraction part, long wholeBytes) {
        MemorySize size = part.of(wholeBytes);
        return reserve(part.describe(size, wholeBytes), size);
    }

    /** Sets aside a size that {@code description} names. */
    private MemorySize reserve(String description, MemorySize size) {
        parts.add(description);
        reservedBytes = Math.addExact(reservedBytes, size.getBytes());
        return size;
    }

    /** The heap the process size leaves after the reserved parts, at least {@link #MIN_DERIVED_HEAP}. */
    MemorySize derivedHeap() {
        long heapBytes = remainingBytes();
        if (heapBytes < MIN_DERIVED_HEAP.getBytes()) {
            throw new IllegalConfigurationException(process + " leaves "
                    + (heapBytes <= 0 ? "nothing" : MemorySize.ofBytes(heapBytes).toString())
                    + " for the JVM heap after " + String.join(" + ", parts) + ", less than the " + MIN_DERIVED_HEAP
                    + " it needs; raise the process size or lower the others");
        }
        return MemorySize.ofBytes(heapBytes);
    }

    /** The heap the option sets, which must fit beside the reserved parts. */
    MemorySize explicitHeap(Configuration config, ConfigOption<MemorySize> heapSize) {
        MemorySize heap = config.get(heapSize);
        long neededBytes = Math.addExact(reservedBytes, heap.getBytes());
        if (neededBytes > processBytes) {
            throw new IllegalConfigurationException(describe(config, heapSize) + " + " + String.join(" + ", parts)
                    + " = " + MemorySize.ofBytes(neededBytes) + " exceeds " + process + "; raise the process size "
                    + "or lower the heap");
        }
        return heap;
    }

    /** The key the value was read from (a deprecated one if that is what is set) and the value. */
    private static String describe(Configuration config, ConfigOption<MemorySize> option) {
        return option.lookupKeys().stream()
                .filter(config.toMap()::containsKey)
                .findFirst()
                .map(key -> key + " (" + config.get(option) + ")")
                .orElseGet(() -> option.key() + " (" + option.defaultValue() + ", the default)");
    }
}
