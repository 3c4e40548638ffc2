package io.podflow.api.runtime;

import java.util.Arrays;

/**
 * Combines the watermarks of all input channels of a task: the task's event time is the minimum over its
 * channels, because any channel may still deliver records up to its own watermark.
 */
public final class WatermarkValve {

    private final long[] channelWatermarks;
    private long current = Long.MIN_VALUE;

    public WatermarkValve(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("A watermark valve needs at least one channel");
        }
        channelWatermarks = new long[channels];
        Arrays.fill(channelWatermarks, Long.MIN_VALUE);
    }

    /** Records a channel's watermark; returns the new combined watermark if it advanced, else Long.MIN_VALUE. */
    public long advance(int channel, long watermark) {
        if (watermark <= channelWatermarks[channel]) {
            return Long.MIN_VALUE;
        }
        channelWatermarks[channel] = watermark;
        long min = Long.MAX_VALUE;
        for (long channelWatermark : channelWatermarks) {
            min = Math.min(min, channelWatermark);
        }
        if (min > current) {
            current = min;
            return min;
        }
        return Long.MIN_VALUE;
    }

    public long current() {
        return current;
    }
}
