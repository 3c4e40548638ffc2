package io.podflow.api.runtime;

/** A watermark that arrived on one input channel of a task (channels number all producers of all inputs). */
record ChannelWatermark(int channel, long watermark) {
}
