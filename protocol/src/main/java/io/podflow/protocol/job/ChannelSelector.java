package io.podflow.protocol.job;


/**
 * Picks the consumer channel of each record a producer subtask emits on one edge. Channels are the consumer
 * subtask indexes {@code 0..channels-1}. Both the task runtime and the data plane use this, so that records with
 * equal keys meet in the same consumer wherever they were produced.
 */
public abstract sealed class ChannelSelector {

    /** What {@link #select} returns when the record goes to every channel. */
    public static final int ALL_CHANNELS = -1;

    /** The selector for {@code partitioning} from producer {@code producerIndex} to {@code channels} consumers. */
    public static ChannelSelector of(Partitioning partitioning, int producerIndex, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("An edge needs at least one consumer channel, not " + channels);
        }
        return switch (partitioning) {
            case FORWARD -> new Forward(producerIndex, channels);
            case HASH -> new Hash(channels);
            case REBALANCE -> new Rebalance(producerIndex, channels);
            case BROADCAST -> new Broadcast();
        };
    }

    /** The channel for a record whose key hashes to {@code keyHash} (ignored unless HASH), or ALL_CHANNELS. */
    public abstract int select(int keyHash);

    /** Producer i feeds consumer i only. */
    static final class Forward extends ChannelSelector {
        private final int channel;

        Forward(int producerIndex, int channels) {
            if (producerIndex >= channels) {
                throw new IllegalArgumentException("FORWARD from producer " + producerIndex + " needs a consumer "
                        + producerIndex + " but there are only " + channels);
            }
            this.channel = producerIndex;
        }

        @Override
        public int select(int keyHash) {
            return channel;
        }
    }

    /** By key hash, so equal keys always meet in one consumer. */
    static final class Hash extends ChannelSelector {
        private final int channels;

        Hash(int channels) {
            this.channels = channels;
        }

        @Override
        public int select(int keyHash) {
            return Math.floorMod(keyHash, channels);
        }
    }

    /** Round robin in a strict cycle, starting at a producer-specific channel so producers do not move in step. */
    static final class Rebalance extends ChannelSelector {
        private final int channels;
        private int next;

        Rebalance(int producerIndex, int channels) {
            this.channels = channels;
            this.next = producerIndex % channels;
        }

        @Override
        public int select(int keyHash) {
            int channel = next;
            next = next + 1 == channels ? 0 : next + 1;
            return channel;
        }
    }

    /** Every record to every consumer. */
    static final class Broadcast extends ChannelSelector {
        @Override
        public int select(int keyHash) {
            return ALL_CHANNELS;
        }
    }
}
