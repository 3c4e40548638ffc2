package io.podflow.api.runtime;

import io.podflow.protocol.job.ChannelSelector;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.task.RecordWriter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EdgeWriterTest {

    /** A writer partitioning like the data plane does, counting what each consumer channel receives. */
    private static final class CountingWriter implements RecordWriter {
        final int[] received;
        final ChannelSelector selector;

        CountingWriter(Partitioning partitioning, int producer, int consumers) {
            received = new int[consumers];
            selector = ChannelSelector.of(partitioning, producer, consumers);
        }

        @Override
        public void emit(byte[] record) {
            emit(record, Arrays.hashCode(record));
        }

        @Override
        public void emit(byte[] record, int keyHash) {
            int channel = selector.select(keyHash);
            for (int c = 0; c < received.length; c++) {
                if (channel == ChannelSelector.ALL_CHANNELS || channel == c) {
                    received[c]++;
                }
            }
        }
    }

    @Test
    void watermarksReachEveryConsumerExactlyOnceOnEveryPartitioning() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (Partitioning partitioning : Partitioning.values()) {
            int consumers = partitioning == Partitioning.FORWARD ? 3 : 5;
            CountingWriter writer = new CountingWriter(partitioning, 2, consumers);
            EdgeWriter edge = new EdgeWriter(writer, partitioning, consumers);
            edge.emit(new byte[] {1}, 7);
            int[] afterRecord = writer.received.clone();
            edge.broadcast(new byte[] {2});
            int[] watermarkCopies = new int[consumers];
            for (int c = 0; c < consumers; c++) {
                watermarkCopies[c] = writer.received[c] - afterRecord[c];
            }
            outcomes.add(partitioning + " " + Arrays.toString(watermarkCopies));
        }
        assertEquals(List.of("FORWARD [0, 0, 1]", "HASH [1, 1, 1, 1, 1]", "REBALANCE [1, 1, 1, 1, 1]",
                "BROADCAST [1, 1, 1, 1, 1]"), outcomes);
    }
}
