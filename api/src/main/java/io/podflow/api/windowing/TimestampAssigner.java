package io.podflow.api.windowing;

import io.podflow.api.functions.Function;

/** Reads a record's event-time timestamp (epoch milliseconds). */
@FunctionalInterface
public interface TimestampAssigner<T> extends Function {

    /** The record's timestamp; {@code previousTimestamp} is the one it already carries, or Long.MIN_VALUE. */
    long extractTimestamp(T element, long previousTimestamp);
}
