package io.podflow.api.windowing;

import java.util.List;

/** Back-to-back windows of one size over the records' event-time timestamps. */
public final class TumblingEventTimeWindows extends SlidingWindows {

    private TumblingEventTimeWindows(long size, long offset) {
        super(size, size, offset);
    }

    public static TumblingEventTimeWindows of(Time size) {
        return new TumblingEventTimeWindows(size.milliseconds(), 0);
    }

    /** Windows shifted by {@code offsetMillis}, e.g. for days that start in another time zone. */
    public static TumblingEventTimeWindows of(Time size, long offsetMillis) {
        return new TumblingEventTimeWindows(size.milliseconds(), offsetMillis);
    }

    @Override
    public List<TimeWindow> assignWindows(long timestamp, long processingTime) {
        return windowsOf(timestamp);
    }

    @Override
    public boolean isEventTime() {
        return true;
    }
}
