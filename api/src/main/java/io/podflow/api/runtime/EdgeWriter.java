package io.podflow.api.runtime;

import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.task.RecordWriter;

/**
 * Sends stream elements on one output edge through the TaskManager's {@link RecordWriter}, which partitions by
 * {@link io.podflow.protocol.job.ChannelSelector}. Watermarks must reach every consumer: on BROADCAST and FORWARD
 * edges one emit does that; on HASH edges a key hash of {@code c} selects channel {@code c}; on REBALANCE edges
 * {@code consumers} consecutive emits visit every channel once, because the round robin is a strict cycle.
 */
final class EdgeWriter {

    private final RecordWriter writer;
    private final Partitioning partitioning;
    private final int consumers;

    EdgeWriter(RecordWriter writer, Partitioning partitioning, int consumers) {
        this.writer = writer;
        this.partitioning = partitioning;
        this.consumers = consumers;
    }

    void emit(byte[] record, int keyHash) throws InterruptedException {
        writer.emit(record, keyHash);
    }

    void broadcast(byte[] element) throws InterruptedException {
        switch (partitioning) {
            case FORWARD, BROADCAST -> writer.emit(element, 0);
            case HASH, REBALANCE -> {
                for (int channel = 0; channel < consumers; channel++) {
                    writer.emit(element, channel);
                }
            }
        }
    }
}
