package io.podflow.api.graph;

import java.io.Serializable;

/** A network input of a chain: how many producer subtasks send watermarks on it. */
public record ChainInput(int producerParallelism) implements Serializable {
}
