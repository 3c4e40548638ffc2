package io.podflow.api.datastream;

import io.podflow.api.functions.ReduceFunction;
import io.podflow.api.functions.WindowFunction;
import io.podflow.api.operators.BufferingWindowAggregation;
import io.podflow.api.operators.FieldAggregation;
import io.podflow.api.operators.ReducingWindowAggregation;
import io.podflow.api.operators.WindowAggregation;
import io.podflow.api.operators.WindowOperator;
import io.podflow.api.typeutils.FieldReference;
import io.podflow.api.windowing.Time;
import io.podflow.api.windowing.TimeWindow;
import io.podflow.api.windowing.WindowAssigner;

/** A keyed stream cut into windows; each window of each key yields results when time passes its end. */
public final class WindowedStream<T, K> {

    private final KeyedStream<T, K> input;
    private final WindowAssigner assigner;
    private long allowedLatenessMillis;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner assigner) {
        this.input = input;
        this.assigner = assigner;
    }

    /** How long after an event-time window fired late records still update it (default 0: they are dropped). */
    public WindowedStream<T, K> allowedLateness(Time lateness) {
        allowedLatenessMillis = lateness.milliseconds();
        return this;
    }

    @SuppressWarnings("unchecked")
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return window("Reduce", new ReducingWindowAggregation((ReduceFunction<Object>) (ReduceFunction<?>) reducer));
    }

    public SingleOutputStreamOperator<T> sum(int field) {
        return aggregate("Sum", FieldAggregation.Kind.SUM, FieldReference.position(field));
    }

    public SingleOutputStreamOperator<T> min(int field) {
        return aggregate("Min", FieldAggregation.Kind.MIN, FieldReference.position(field));
    }

    public SingleOutputStreamOperator<T> max(int field) {
        return aggregate("Max", FieldAggregation.Kind.MAX, FieldReference.position(field));
    }

    /** The sum of POJO field {@code field} per key and window. */
    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate("Sum", FieldAggregation.Kind.SUM, FieldReference.named(field));
    }

    /** Hands all records of a window and key to {@code function} when the window fires. */
    @SuppressWarnings("unchecked")
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, TimeWindow> function) {
        return window("Apply", new BufferingWindowAggregation(
                (WindowFunction<Object, Object, Object, TimeWindow>) (WindowFunction<?, ?, ?, ?>) function));
    }

    private SingleOutputStreamOperator<T> aggregate(String what, FieldAggregation.Kind kind, FieldReference field) {
        return window(what, new ReducingWindowAggregation(new FieldAggregation(kind, field)));
    }

    private <R> SingleOutputStreamOperator<R> window(String what, WindowAggregation aggregation) {
        return input.transform("Window(" + assigner + ", " + what + ")",
                new WindowOperator(input.keySelector(), assigner, aggregation, allowedLatenessMillis));
    }
}
