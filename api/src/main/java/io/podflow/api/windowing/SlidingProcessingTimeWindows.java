package io.podflow.api.windowing;

import java.util.List;

/** Sliding windows over the wall-clock time at which records arrive. */
public final class SlidingProcessingTimeWindows extends SlidingWindows {

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset);
    }

    public static SlidingProcessingTimeWindows of(Time size, Time slide) {
        return new SlidingProcessingTimeWindows(size.milliseconds(), slide.milliseconds(), 0);
    }

    @Override
    public List<TimeWindow> assignWindows(long timestamp, long processingTime) {
        return windowsOf(processingTime);
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
