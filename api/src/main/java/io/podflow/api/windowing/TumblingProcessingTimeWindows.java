package io.podflow.api.windowing;

import java.util.List;

/** Back-to-back windows of one size over the wall-clock time at which records arrive. */
public final class TumblingProcessingTimeWindows extends SlidingWindows {

    private TumblingProcessingTimeWindows(long size) {
        super(size, size, 0);
    }

    public static TumblingProcessingTimeWindows of(Time size) {
        return new TumblingProcessingTimeWindows(size.milliseconds());
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
