package io.podflow.api.runtime;

/** A record flowing between operators, with its event-time timestamp or {@link #NO_TIMESTAMP}. */
public record StreamRecord(Object value, long timestamp) {

    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    public static StreamRecord of(Object value) {
        return new StreamRecord(value, NO_TIMESTAMP);
    }

    public boolean hasTimestamp() {
        return timestamp != NO_TIMESTAMP;
    }

    /** A record with another value and this record's timestamp. */
    public StreamRecord replace(Object newValue) {
        return new StreamRecord(newValue, timestamp);
    }
}
