package io.podflow.api.datastream;

import io.podflow.api.connectors.PrintSink;
import io.podflow.api.connectors.TextFileSink;
import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.FilterFunction;
import io.podflow.api.functions.FlatMapFunction;
import io.podflow.api.functions.KeySelector;
import io.podflow.api.functions.MapFunction;
import io.podflow.api.functions.SinkFunction;
import io.podflow.api.graph.PartitionTransformation;
import io.podflow.api.graph.Transformation;
import io.podflow.api.graph.UnionTransformation;
import io.podflow.api.operators.FilterOperator;
import io.podflow.api.operators.FlatMapOperator;
import io.podflow.api.operators.MapOperator;
import io.podflow.api.operators.SinkOperator;
import io.podflow.api.operators.StreamOperator;
import io.podflow.api.operators.TimestampsAndWatermarksOperator;
import io.podflow.api.typeutils.FieldReference;
import io.podflow.api.windowing.WatermarkStrategy;
import io.podflow.protocol.job.Partitioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A stream of records of type T, and the transformations that make new streams from it. */
public class DataStream<T> {

    protected final StreamExecutionEnvironment environment;
    protected final Transformation transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public Transformation getTransformation() {
        return transformation;
    }

    @SuppressWarnings("unchecked")
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return transform("Map", new MapOperator((MapFunction<Object, Object>) (MapFunction<?, ?>) mapper));
    }

    @SuppressWarnings("unchecked")
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return transform("Flat Map",
                new FlatMapOperator((FlatMapFunction<Object, Object>) (FlatMapFunction<?, ?>) flatMapper));
    }

    @SuppressWarnings("unchecked")
    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", new FilterOperator((FilterFunction<Object>) (FilterFunction<?>) filter));
    }

    /** Groups by tuple fields, e.g. {@code keyBy(0)}; on a stream of plain values field 0 is the value. */
    public KeyedStream<T, Object> keyBy(int... fields) {
        return new KeyedStream<>(this, new FieldKeySelector(Arrays.stream(fields).mapToObj(FieldReference::position)
                .toArray(FieldReference[]::new)));
    }

    /** Groups POJOs by fields named, e.g. {@code keyBy("word")}. */
    public KeyedStream<T, Object> keyBy(String... fields) {
        return new KeyedStream<>(this, new FieldKeySelector(Arrays.stream(fields).map(FieldReference::named)
                .toArray(FieldReference[]::new)));
    }

    @SuppressWarnings("unchecked")
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        return new KeyedStream<>(this, (KeySelector<Object, Object>) (KeySelector<?, ?>) key);
    }

    /** This stream and {@code others} read as one stream by the next operator. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.environment != environment) {
                throw new IllegalArgumentException("Cannot union streams of different execution environments");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation(environment.nextId(), inputs));
    }

    /** Spreads records round robin over the next operator's subtasks. */
    public DataStream<T> rebalance() {
        return partition(Partitioning.REBALANCE);
    }

    /** Sends every record to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return partition(Partitioning.BROADCAST);
    }

    /** Subtask i feeds subtask i of the next operator; both need the same parallelism. */
    public DataStream<T> forward() {
        return partition(Partitioning.FORWARD);
    }

    /** Gives records event-time timestamps and emits watermarks, as the strategy says. */
    @SuppressWarnings("unchecked")
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
        return transform("Timestamps/Watermarks", new TimestampsAndWatermarksOperator(
                (WatermarkStrategy<Object>) (WatermarkStrategy<?>) strategy,
                environment.getConfig().getAutoWatermarkInterval()));
    }

    /** Starts a window join with {@code other}: {@code join(other).where(..).equalTo(..).window(..).apply(..)}. */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
        return new JoinedStreams<>(this, other);
    }

    /** Prints each record to the TaskManager's stdout, prefixed with {@code subtask> } when parallel. */
    public DataStreamSink<T> print() {
        return addSink(new PrintSink<>(), "Print to Std. Out");
    }

    /** Writes each record as a line: to file {@code path}, or to files 1..n in directory {@code path} if parallel. */
    public DataStreamSink<T> writeAsText(String path) {
        return addSink(new TextFileSink<>(path), "TextFileSink(" + path + ")");
    }

    public DataStreamSink<T> addSink(SinkFunction<T> sink) {
        return addSink(sink, "Unnamed");
    }

    @SuppressWarnings("unchecked")
    private DataStreamSink<T> addSink(SinkFunction<T> sink, String name) {
        return new DataStreamSink<>(environment.addOperator("Sink: " + name,
                new SinkOperator((SinkFunction<Object>) (SinkFunction<?>) sink), List.of(transformation), false));
    }

    /** Adds an operator that reads this stream. */
    public <R> SingleOutputStreamOperator<R> transform(String name, StreamOperator operator) {
        return new SingleOutputStreamOperator<>(environment,
                environment.addOperator(name, operator, List.of(transformation), false));
    }

    DataStream<T> partition(Partitioning partitioning, KeySelector<Object, Object> keySelector) {
        return new DataStream<>(environment,
                new PartitionTransformation(environment.nextId(), transformation, partitioning, keySelector));
    }

    private DataStream<T> partition(Partitioning partitioning) {
        return partition(partitioning, null);
    }
}
