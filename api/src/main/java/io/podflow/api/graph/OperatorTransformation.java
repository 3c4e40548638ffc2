package io.podflow.api.graph;

import io.podflow.api.operators.StreamOperator;

import java.util.List;

/** An operator of the program (a source when it has no inputs), with its own parallelism or the job default. */
public final class OperatorTransformation extends Transformation {

    /** Parallelism value meaning "the job's default". */
    public static final int DEFAULT_PARALLELISM = -1;

    private String name;
    private final StreamOperator operator;
    private final List<Transformation> inputs;
    private final boolean parallelismFixedToOne;
    private int parallelism = DEFAULT_PARALLELISM;

    public OperatorTransformation(int id, String name, StreamOperator operator, List<Transformation> inputs,
            boolean parallelismFixedToOne) {
        super(id);
        this.name = name;
        this.operator = operator;
        this.inputs = List.copyOf(inputs);
        this.parallelismFixedToOne = parallelismFixedToOne;
        if (parallelismFixedToOne) {
            parallelism = 1;
        }
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An operator name must not be empty");
        }
        this.name = name;
    }

    public StreamOperator operator() {
        return operator;
    }

    @Override
    public List<Transformation> inputs() {
        return inputs;
    }

    public int parallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism of '" + name + "' must be at least 1, not "
                    + parallelism);
        }
        if (parallelismFixedToOne && parallelism != 1) {
            throw new IllegalArgumentException("'" + name + "' is not a parallel source; its parallelism is 1");
        }
        this.parallelism = parallelism;
    }
}
