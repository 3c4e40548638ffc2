package io.podflow.taskmanager.exchange.netty;

import io.podflow.protocol.job.Partitioning;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChannelSelectorTest {

    private static List<Integer> select(ChannelSelector selector, int... keyHashes) {
        List<Integer> channels = new ArrayList<>();
        for (int keyHash : keyHashes) {
            channels.add(selector.select(keyHash));
        }
        return channels;
    }

    @Test
    void hashPicksTheKeyHashModuloTheChannelsAlsoForNegativeHashes() {
        assertEquals(List.of(0, 1, 2, 2, 0), select(new ChannelSelector(Partitioning.HASH, 3, 1), 0, 4, 5, -1, -3));
    }

    @Test
    void rebalanceCyclesThroughEveryChannelStartingAtTheProducersIndex() {
        assertEquals(List.of(2, 0, 1, 2), select(new ChannelSelector(Partitioning.REBALANCE, 3, 2), 7, 7, 7, 7));
    }

    @Test
    void forwardAlwaysPicksTheProducersOwnChannel() {
        assertEquals(List.of(1, 1), select(new ChannelSelector(Partitioning.FORWARD, 2, 1), 0, 5));
    }

    @Test
    void broadcastPicksAllChannels() {
        assertEquals(List.of(ChannelSelector.ALL), select(new ChannelSelector(Partitioning.BROADCAST, 2, 0), 3));
    }
}
