package io.podflow.api.windowing;

import java.util.List;

/** Sliding windows over the records' event-time timestamps. */
public final class SlidingEventTimeWindows extends SlidingWindows {

    private SlidingEventTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset);
    }

    public static SlidingEventTimeWindows of(Time size, Time slide) {
        return new SlidingEventTimeWindows(size.milliseconds(), slide.milliseconds(), 0);
    }

    public static SlidingEventTimeWindows of(Time size, Time slide, long offsetMillis) {
        return new SlidingEventTimeWindows(size.milliseconds(), slide.milliseconds(), offsetMillis);
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
