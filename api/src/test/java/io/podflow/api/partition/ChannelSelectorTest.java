package io.podflow.api.partition;

import io.podflow.api.tuple.Tuple2;
import io.podflow.protocol.job.ChannelSelector;
import io.podflow.protocol.job.Partitioning;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelSelectorTest {

    @Test
    void forwardSendsToTheConsumerWithTheProducersIndex() {
        ChannelSelector selector = ChannelSelector.of(Partitioning.FORWARD, 2, 4);
        assertEquals(2, selector.select(12345));
        assertEquals(2, selector.select(-7));
        assertThrows(IllegalArgumentException.class, () -> ChannelSelector.of(Partitioning.FORWARD, 4, 4));
    }

    @Test
    void hashSendsEqualKeysToTheSameChannelFromEveryProducer() {
        int channels = 4;
        for (String word : new String[] {"to", "be", "or", "not"}) {
            int first = ChannelSelector.of(Partitioning.HASH, 0, channels).select(KeyHash.of(word));
            for (int producer = 1; producer < 3; producer++) {
                assertEquals(first, ChannelSelector.of(Partitioning.HASH, producer, channels).select(KeyHash.of(word)));
            }
            assertTrue(first >= 0 && first < channels);
        }
        assertEquals(3, ChannelSelector.of(Partitioning.HASH, 0, channels).select(-1), "negative hashes wrap");
    }

    @Test
    void hashSpreadsConsecutiveIntegerKeysEvenly() {
        ChannelSelector selector = ChannelSelector.of(Partitioning.HASH, 0, 4);
        Map<Integer, Integer> perChannel = new HashMap<>();
        for (int key = 0; key < 4000; key++) {
            perChannel.merge(selector.select(KeyHash.of(key)), 1, Integer::sum);
        }
        assertEquals(4, perChannel.size());
        perChannel.values().forEach(count -> assertTrue(count > 800 && count < 1200, perChannel.toString()));
    }

    @Test
    void keyHashesAreStableForEnumsAndTuples() {
        // an enum's own hashCode differs per JVM; its name does not
        assertEquals(KeyHash.of("SECONDS"), KeyHash.of(TimeUnit.SECONDS));
        assertEquals(KeyHash.of(Tuple2.of(TimeUnit.SECONDS, "a")), KeyHash.of(Tuple2.of(TimeUnit.SECONDS, "a")));
    }

    @Test
    void rebalanceCyclesOverAllChannelsSoNConsecutiveRecordsReachEveryConsumer() {
        ChannelSelector selector = ChannelSelector.of(Partitioning.REBALANCE, 1, 3);
        assertEquals(1, selector.select(0));
        assertEquals(2, selector.select(0));
        assertEquals(0, selector.select(0));
        assertEquals(1, selector.select(0));
    }

    @Test
    void broadcastSelectsEveryChannel() {
        assertEquals(ChannelSelector.ALL_CHANNELS, ChannelSelector.of(Partitioning.BROADCAST, 0, 5).select(1));
    }
}
