package io.podflow.api.runtime;

import io.podflow.api.operators.StreamOperator;

/** Hands records and watermarks straight to the next operator of the chain, on the same thread. */
record ChainedOutput(StreamOperator next) implements Output {

    @Override
    public void collect(StreamRecord record) throws Exception {
        next.processElement(record);
    }

    @Override
    public void emitWatermark(long watermark) throws Exception {
        next.processWatermark(watermark);
    }
}
