package io.podflow.api.graph;

import io.podflow.api.operators.StreamOperator;

import java.io.Serializable;
import java.util.List;

/**
 * One operator of a chain: its name, the configured operator, the chain positions it feeds directly, and the
 * network outputs (indexes into {@link ChainSpec#outputs()}) it sends to.
 */
public record ChainedOperator(String name, StreamOperator operator, List<Integer> chainedTargets,
        List<Integer> networkOutputs) implements Serializable {

    public ChainedOperator {
        chainedTargets = List.copyOf(chainedTargets);
        networkOutputs = List.copyOf(networkOutputs);
    }
}
