package io.podflow.api.datastream;

import io.podflow.api.environment.TimeCharacteristic;
import io.podflow.api.functions.KeySelector;
import io.podflow.api.functions.KeyedProcessFunction;
import io.podflow.api.functions.ReduceFunction;
import io.podflow.api.operators.FieldAggregation;
import io.podflow.api.operators.KeyedProcessOperator;
import io.podflow.api.operators.KeyedReduceOperator;
import io.podflow.api.typeutils.FieldReference;
import io.podflow.api.windowing.SlidingEventTimeWindows;
import io.podflow.api.windowing.SlidingProcessingTimeWindows;
import io.podflow.api.windowing.Time;
import io.podflow.api.windowing.TumblingEventTimeWindows;
import io.podflow.api.windowing.TumblingProcessingTimeWindows;
import io.podflow.api.windowing.WindowAssigner;
import io.podflow.protocol.job.Partitioning;

import java.time.Duration;

/** A stream partitioned by key: records with equal keys reach the same subtask, which keeps state per key. */
public final class KeyedStream<T, K> extends DataStream<T> {

    private final KeySelector<Object, Object> keySelector;

    KeyedStream(DataStream<T> input, KeySelector<Object, Object> keySelector) {
        super(input.environment, input.partition(Partitioning.HASH, keySelector).transformation);
        this.keySelector = keySelector;
    }

    KeySelector<Object, Object> keySelector() {
        return keySelector;
    }

    /** A rolling reduce: emits each key's combined record for every record. */
    @SuppressWarnings("unchecked")
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform("Keyed Reduce",
                new KeyedReduceOperator(keySelector, (ReduceFunction<Object>) (ReduceFunction<?>) reducer));
    }

    /** A rolling sum of tuple field {@code field} per key. */
    public SingleOutputStreamOperator<T> sum(int field) {
        return aggregate(FieldAggregation.Kind.SUM, FieldReference.position(field));
    }

    /** A rolling sum of POJO field {@code field} per key. */
    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(FieldAggregation.Kind.SUM, FieldReference.named(field));
    }

    /** A rolling minimum of tuple field {@code field} per key; the other fields come from the key's first record. */
    public SingleOutputStreamOperator<T> min(int field) {
        return aggregate(FieldAggregation.Kind.MIN, FieldReference.position(field));
    }

    /** A rolling maximum of tuple field {@code field} per key; the other fields come from the key's first record. */
    public SingleOutputStreamOperator<T> max(int field) {
        return aggregate(FieldAggregation.Kind.MAX, FieldReference.position(field));
    }

    /** Processes each record with keyed state and timers. */
    @SuppressWarnings("unchecked")
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return transform("KeyedProcess", new KeyedProcessOperator(keySelector,
                (KeyedProcessFunction<Object, Object, Object>) (KeyedProcessFunction<?, ?, ?>) function));
    }

    public WindowedStream<T, K> window(WindowAssigner assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Tumbling windows of {@code size} in the environment's time characteristic (processing time by default). */
    public WindowedStream<T, K> timeWindow(Time size) {
        return window(eventTime() ? TumblingEventTimeWindows.of(size) : TumblingProcessingTimeWindows.of(size));
    }

    public WindowedStream<T, K> timeWindow(Duration size) {
        return timeWindow(Time.of(size));
    }

    /** Sliding windows of {@code size} every {@code slide}, in the environment's time characteristic. */
    public WindowedStream<T, K> timeWindow(Time size, Time slide) {
        return window(eventTime() ? SlidingEventTimeWindows.of(size, slide)
                : SlidingProcessingTimeWindows.of(size, slide));
    }

    private boolean eventTime() {
        return environment.getStreamTimeCharacteristic() == TimeCharacteristic.EventTime;
    }

    private SingleOutputStreamOperator<T> aggregate(FieldAggregation.Kind kind, FieldReference field) {
        return transform("Keyed Aggregation",
                new KeyedReduceOperator(keySelector, new FieldAggregation(kind, field)));
    }
}
