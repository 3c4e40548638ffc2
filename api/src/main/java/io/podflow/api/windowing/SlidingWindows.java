package io.podflow.api.windowing;

import java.util.ArrayList;
import java.util.List;

/** Windows of one size starting every {@code slide}; a record belongs to {@code size / slide} of them. */
abstract class SlidingWindows implements WindowAssigner {

    private final long size;
    private final long slide;
    private final long offset;

    SlidingWindows(long size, long slide, long offset) {
        if (size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("Window size and slide must be positive (size " + size + " ms, slide "
                    + slide + " ms)");
        }
        if (Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("A window offset must be smaller than the slide (" + offset + " ms, "
                    + "slide " + slide + " ms)");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    List<TimeWindow> windowsOf(long time) {
        List<TimeWindow> windows = new ArrayList<>((int) ((size + slide - 1) / slide));
        long lastStart = TimeWindow.windowStart(time, offset, slide);
        for (long start = lastStart; start > time - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + size + (slide == size ? "" : ", " + slide) + ")";
    }
}
