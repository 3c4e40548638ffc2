package io.podflow.api.environment;

import io.podflow.protocol.job.ChannelSelector;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.task.RecordWriter;

import java.util.Arrays;
import java.util.List;

/** One producer subtask's writer on one edge of the local runner, partitioning with {@link ChannelSelector}. */
final class LocalRecordWriter implements RecordWriter {

    private final List<LocalChannel> consumers;
    private final ChannelSelector selector;
    private final Partitioning partitioning;
    private final int producerIndex;

    LocalRecordWriter(List<LocalChannel> consumers, Partitioning partitioning, int producerIndex) {
        this.consumers = consumers;
        this.partitioning = partitioning;
        this.producerIndex = producerIndex;
        this.selector = ChannelSelector.of(partitioning, producerIndex, consumers.size());
    }

    @Override
    public void emit(byte[] record) throws InterruptedException {
        emit(record, Arrays.hashCode(record));
    }

    @Override
    public void emit(byte[] record, int keyHash) throws InterruptedException {
        int channel = selector.select(keyHash);
        if (channel == ChannelSelector.ALL_CHANNELS) {
            for (LocalChannel consumer : consumers) {
                consumer.send(record);
            }
        } else {
            consumers.get(channel).send(record);
        }
    }

    /** Tells every consumer this producer can reach that it has finished. */
    void finish() throws InterruptedException {
        if (partitioning == Partitioning.FORWARD) {
            consumers.get(producerIndex).endOfProducer();
        } else {
            for (LocalChannel consumer : consumers) {
                consumer.endOfProducer();
            }
        }
    }
}
