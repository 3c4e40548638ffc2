package io.podflow.api.runtime;

import java.util.List;

/** Sends everything to several outputs, for an operator whose stream is consumed more than once. */
record FanOutOutput(List<Output> outputs) implements Output {

    @Override
    public void collect(StreamRecord record) throws Exception {
        for (Output output : outputs) {
            output.collect(record);
        }
    }

    @Override
    public void emitWatermark(long watermark) throws Exception {
        for (Output output : outputs) {
            output.emitWatermark(watermark);
        }
    }
}
