package io.podflow.taskmanager.exchange.netty;

import io.podflow.protocol.job.ChannelSelector;
import io.podflow.taskmanager.exchange.PartitionWriter;

import java.util.Arrays;
import java.util.List;

/** What one producer subtask writes on one output edge: a subpartition per consumer subtask, by consumer index. */
final class ResultPartition implements PartitionWriter {

    private final List<Subpartition> subpartitions;
    private final ChannelSelector selector;

    ResultPartition(List<Subpartition> subpartitions, ChannelSelector selector) {
        this.subpartitions = List.copyOf(subpartitions);
        this.selector = selector;
    }

    List<Subpartition> subpartitions() {
        return subpartitions;
    }

    @Override
    public void emit(byte[] record) throws InterruptedException {
        emit(record, Arrays.hashCode(record));
    }

    @Override
    public void emit(byte[] record, int keyHash) throws InterruptedException {
        int channel = selector.select(keyHash);
        if (channel == ChannelSelector.ALL_CHANNELS) {
            for (Subpartition subpartition : subpartitions) {
                subpartition.add(record);
            }
        } else {
            subpartitions.get(channel).add(record);
        }
    }

    @Override
    public void finish() throws InterruptedException {
        for (Subpartition subpartition : subpartitions) {
            subpartition.finish();
        }
    }

    /** Whether every consumer was sent all records and the end. */
    boolean ended() {
        return subpartitions.stream().allMatch(Subpartition::endSent);
    }

    void flush() {
        subpartitions.forEach(Subpartition::flush);
    }

    void release() {
        subpartitions.forEach(Subpartition::release);
    }
}
