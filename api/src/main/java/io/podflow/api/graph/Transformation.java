package io.podflow.api.graph;

import java.util.List;

/** A node of the program the user wrote: an operator, or a virtual step (partitioning, union) between them. */
public abstract sealed class Transformation permits OperatorTransformation, PartitionTransformation,
        UnionTransformation {

    private final int id;

    protected Transformation(int id) {
        this.id = id;
    }

    /** Unique within an environment; creation order, so inputs always have smaller ids. */
    public int id() {
        return id;
    }

    public abstract List<Transformation> inputs();
}
