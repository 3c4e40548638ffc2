package io.podflow.api.graph;

import io.podflow.api.functions.KeySelector;
import io.podflow.protocol.job.Partitioning;

import java.util.List;

/** Says how records travel from {@code input} to the next operator (keyBy, rebalance, broadcast, forward). */
public final class PartitionTransformation extends Transformation {

    private final Transformation input;
    private final Partitioning partitioning;
    private final KeySelector<Object, Object> keySelector;

    public PartitionTransformation(int id, Transformation input, Partitioning partitioning,
            KeySelector<Object, Object> keySelector) {
        super(id);
        if (partitioning == Partitioning.HASH && keySelector == null) {
            throw new IllegalArgumentException("Partitioning by key needs a key selector");
        }
        this.input = input;
        this.partitioning = partitioning;
        this.keySelector = keySelector;
    }

    public Partitioning partitioning() {
        return partitioning;
    }

    public KeySelector<Object, Object> keySelector() {
        return keySelector;
    }

    @Override
    public List<Transformation> inputs() {
        return List.of(input);
    }
}
