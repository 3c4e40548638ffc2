package io.podflow.api.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatermarkValveTest {

    @Test
    void theTaskWatermarkIsTheMinimumOverAllParallelInputs() {
        WatermarkValve valve = new WatermarkValve(3);
        assertEquals(Long.MIN_VALUE, valve.advance(0, 100), "channels 1 and 2 have not spoken yet");
        assertEquals(Long.MIN_VALUE, valve.advance(1, 50));
        assertEquals(50, valve.advance(2, 70));
        assertEquals(Long.MIN_VALUE, valve.advance(0, 200), "channel 1 still holds event time at 50");
        assertEquals(70, valve.advance(1, 300));
        assertEquals(200, valve.advance(2, 400));
        assertEquals(200, valve.current());
    }

    @Test
    void watermarksNeverGoBack() {
        WatermarkValve valve = new WatermarkValve(1);
        assertEquals(100, valve.advance(0, 100));
        assertEquals(Long.MIN_VALUE, valve.advance(0, 90));
        assertEquals(100, valve.current());
    }

    @Test
    void finishedInputsSendMaxSoTheOthersDecide() {
        WatermarkValve valve = new WatermarkValve(2);
        valve.advance(0, Long.MAX_VALUE);
        assertEquals(10, valve.advance(1, 10));
        assertEquals(Long.MAX_VALUE, valve.advance(1, Long.MAX_VALUE));
    }
}
