package io.podflow.api.windowing;

import java.io.Serializable;

/** The half-open time range {@code [start, end)} in epoch milliseconds. */
public record TimeWindow(long start, long end) implements Serializable {

    public TimeWindow {
        if (end <= start) {
            throw new IllegalArgumentException("A window must end after it starts: [" + start + ", " + end + ")");
        }
    }

    /** The last timestamp inside the window; the window fires when time passes it. */
    public long maxTimestamp() {
        return end - 1;
    }

    /** The start of the window of size {@code size} shifted by {@code offset} that holds {@code timestamp}. */
    public static long windowStart(long timestamp, long offset, long size) {
        return timestamp - Math.floorMod(timestamp - offset, size);
    }
}
