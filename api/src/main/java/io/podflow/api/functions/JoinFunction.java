package io.podflow.api.functions;

/** Combines a pair of records from two streams that share a key and a window. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {

    OUT join(IN1 first, IN2 second) throws Exception;
}
