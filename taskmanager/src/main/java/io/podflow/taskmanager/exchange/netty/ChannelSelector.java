package io.podflow.taskmanager.exchange.netty;

import io.podflow.protocol.job.Partitioning;

/**
 * Picks the consumer channel of a record by the edge's partitioning: FORWARD always the producer's own channel,
 * HASH the key hash modulo the channel count, REBALANCE a strict round robin starting at the producer's index,
 * BROADCAST every channel ({@link #ALL}).
 */
final class ChannelSelector {

    static final int ALL = -1;

    private final Partitioning partitioning;
    private final int channels;
    private int next;

    ChannelSelector(Partitioning partitioning, int channels, int ownIndex) {
        if (channels < 1) {
            throw new IllegalArgumentException("An edge needs at least one consumer channel");
        }
        this.partitioning = partitioning;
        this.channels = channels;
        this.next = Math.floorMod(ownIndex, channels);
    }

    int select(int keyHash) {
        return switch (partitioning) {
            case FORWARD -> next;
            case HASH -> Math.floorMod(keyHash, channels);
            case REBALANCE -> {
                int chosen = next;
                next = (next + 1) % channels;
                yield chosen;
            }
            case BROADCAST -> ALL;
        };
    }
}
