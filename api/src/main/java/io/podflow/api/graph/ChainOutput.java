package io.podflow.api.graph;

import io.podflow.api.functions.KeySelector;
import io.podflow.protocol.job.Partitioning;

import java.io.Serializable;

/** A network output of a chain: how it partitions, to how many consumers, and for HASH the key to hash. */
public record ChainOutput(Partitioning partitioning, int consumerParallelism, KeySelector<Object, Object> keySelector)
        implements Serializable {

    public ChainOutput {
        if (partitioning == Partitioning.HASH && keySelector == null) {
            throw new IllegalArgumentException("A HASH output needs a key selector");
        }
    }
}
