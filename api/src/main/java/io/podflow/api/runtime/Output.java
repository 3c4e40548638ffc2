package io.podflow.api.runtime;

/** Where an operator sends its records and watermarks: the next chained operator or the network. */
public interface Output {

    void collect(StreamRecord record) throws Exception;

    void emitWatermark(long watermark) throws Exception;
}
