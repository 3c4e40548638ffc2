package io.podflow.api.graph;

import io.podflow.api.typeutils.JavaSerialization;

import java.io.Serializable;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What one JobVertex runs: its chained operators in order (the head first; every operator only feeds operators
 * after it), its network outputs in the JobGraph's output-edge order, and its inputs in input-edge order. It
 * travels as Java serialization, base64-encoded, in the vertex configuration under {@link #CONFIG_KEY}.
 */
public record ChainSpec(List<ChainedOperator> operators, List<ChainOutput> outputs, List<ChainInput> inputs)
        implements Serializable {

    /** The vertex configuration key holding the serialized chain. */
    public static final String CONFIG_KEY = "podflow.stream.chain";
    /** The vertex configuration key naming the chained operators, for people reading the JobGraph. */
    public static final String OPERATORS_KEY = "podflow.stream.operators";

    public ChainSpec {
        if (operators == null || operators.isEmpty()) {
            throw new IllegalArgumentException("A chain needs at least one operator");
        }
        operators = List.copyOf(operators);
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
    }

    public String encode() {
        return Base64.getEncoder().encodeToString(JavaSerialization.toBytes(this));
    }

    /** The chain in a vertex configuration, with user classes resolved in {@code userClassLoader}. */
    public static ChainSpec fromConfiguration(Map<String, String> configuration, ClassLoader userClassLoader) {
        String encoded = configuration.get(CONFIG_KEY);
        if (encoded == null) {
            throw new IllegalArgumentException("The vertex configuration has no '" + CONFIG_KEY + "': this vertex "
                    + "was not built by the DataStream API");
        }
        return JavaSerialization.fromBytes(Base64.getDecoder().decode(encoded), userClassLoader);
    }

    /** The operator names joined by arrows, as the vertex name and UI show them. */
    public String describe() {
        return String.join(" -> ", operators.stream().map(ChainedOperator::name).toList());
    }
}
