package io.podflow.api.functions;

/**
 * Extracts the key records are grouped by. The key's {@code hashCode} must be the same in every JVM (strings, boxed
 * numbers, tuples of them and enums are; objects without their own {@code hashCode} are not).
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {

    KEY getKey(IN value) throws Exception;
}
