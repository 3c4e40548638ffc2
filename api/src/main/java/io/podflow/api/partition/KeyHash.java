package io.podflow.api.partition;

import io.podflow.api.tuple.Tuple;

/**
 * The hash a key is partitioned by. It must be equal in every JVM of the job, so enums hash by name (their
 * {@code hashCode} is an identity hash) and tuples by their fields; the result is bit-mixed so that keys with
 * similar hash codes (consecutive integers) spread over the channels.
 */
public final class KeyHash {

    private KeyHash() {
    }

    public static int of(Object key) {
        return mix(stableHashCode(key));
    }

    private static int stableHashCode(Object key) {
        if (key == null) {
            return 0;
        }
        if (key instanceof Enum<?> constant) {
            return constant.name().hashCode();
        }
        if (key instanceof Tuple tuple) {
            int hash = tuple.arity();
            for (int i = 0; i < tuple.arity(); i++) {
                hash = 31 * hash + stableHashCode(tuple.getField(i));
            }
            return hash;
        }
        return key.hashCode();
    }

    /** The 32-bit finalizer of MurmurHash3: every input bit affects every output bit. */
    private static int mix(int hash) {
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash;
    }
}
