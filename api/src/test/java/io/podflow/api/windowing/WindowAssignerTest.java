package io.podflow.api.windowing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowAssignerTest {

    @Test
    void tumblingWindowsHoldEachTimestampInExactlyOneAlignedWindow() {
        TumblingEventTimeWindows windows = TumblingEventTimeWindows.of(Time.seconds(5));
        assertEquals(List.of(new TimeWindow(0, 5000)), windows.assignWindows(0, 0));
        assertEquals(List.of(new TimeWindow(0, 5000)), windows.assignWindows(4999, 0));
        assertEquals(List.of(new TimeWindow(5000, 10000)), windows.assignWindows(5000, 0));
        assertEquals(List.of(new TimeWindow(-5000, 0)), windows.assignWindows(-1, 0), "negative timestamps floor");
        assertTrue(windows.isEventTime());
    }

    @Test
    void tumblingWindowsWithAnOffsetShiftTheirBoundaries() {
        TumblingEventTimeWindows windows = TumblingEventTimeWindows.of(Time.hours(24), -8 * 3_600_000L);
        long midnightUtc = 1_700_000_000_000L - 1_700_000_000_000L % 86_400_000L;
        TimeWindow window = windows.assignWindows(midnightUtc, 0).get(0);
        assertEquals(midnightUtc - 8 * 3_600_000L, window.start());
        assertEquals(24 * 3_600_000L, window.end() - window.start());
    }

    @Test
    void slidingWindowsHoldEachTimestampInSizeOverSlideWindows() {
        SlidingEventTimeWindows windows = SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5));
        assertEquals(List.of(new TimeWindow(5000, 15000), new TimeWindow(0, 10000)), windows.assignWindows(7000, 0));
        assertEquals(List.of(new TimeWindow(10000, 20000), new TimeWindow(5000, 15000)),
                windows.assignWindows(10000, 0));
        assertEquals(3, SlidingEventTimeWindows.of(Time.seconds(3), Time.seconds(1)).assignWindows(12345, 0).size());
    }

    @Test
    void processingTimeAssignersUseTheArrivalTimeNotTheTimestamp() {
        TumblingProcessingTimeWindows tumbling = TumblingProcessingTimeWindows.of(Time.seconds(5));
        assertEquals(List.of(new TimeWindow(10000, 15000)), tumbling.assignWindows(0, 12000));
        assertFalse(tumbling.isEventTime());
        SlidingProcessingTimeWindows sliding = SlidingProcessingTimeWindows.of(Time.seconds(4), Time.seconds(2));
        assertEquals(List.of(new TimeWindow(12000, 16000), new TimeWindow(10000, 14000)),
                sliding.assignWindows(0, 12500));
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Time.seconds(0));
        assertThrows(IllegalArgumentException.class, () -> TumblingEventTimeWindows.of(Time.seconds(5), 5000));
    }
}
