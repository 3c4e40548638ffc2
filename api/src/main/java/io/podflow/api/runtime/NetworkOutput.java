package io.podflow.api.runtime;

import io.podflow.api.graph.ChainOutput;
import io.podflow.api.partition.KeyHash;
import io.podflow.protocol.job.Partitioning;

/** Serializes records and watermarks onto one output edge; on HASH edges records go by the hash of their key. */
final class NetworkOutput implements Output {

    private final EdgeWriter writer;
    private final ChainOutput spec;
    private final StreamElementCodec codec;
    private final int producerIndex;

    NetworkOutput(EdgeWriter writer, ChainOutput spec, StreamElementCodec codec, int producerIndex) {
        this.writer = writer;
        this.spec = spec;
        this.codec = codec;
        this.producerIndex = producerIndex;
    }

    @Override
    public void collect(StreamRecord record) throws Exception {
        int keyHash = spec.partitioning() == Partitioning.HASH
                ? KeyHash.of(spec.keySelector().getKey(record.value())) : 0;
        writer.emit(codec.encodeRecord(record), keyHash);
    }

    @Override
    public void emitWatermark(long watermark) throws Exception {
        writer.broadcast(codec.encodeWatermark(producerIndex, watermark));
    }
}
