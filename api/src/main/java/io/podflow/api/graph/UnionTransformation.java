package io.podflow.api.graph;

import java.util.List;

/** Several streams read as one by the next operator. */
public final class UnionTransformation extends Transformation {

    private final List<Transformation> inputs;

    public UnionTransformation(int id, List<Transformation> inputs) {
        super(id);
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<Transformation> inputs() {
        return inputs;
    }
}
