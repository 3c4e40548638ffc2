package io.podflow.api.environment;

import io.podflow.api.connectors.CollectionSource;
import io.podflow.api.connectors.SequenceSource;
import io.podflow.api.connectors.SocketTextSource;
import io.podflow.api.connectors.TextFileSource;
import io.podflow.api.datastream.DataStreamSource;
import io.podflow.api.functions.SourceFunction;
import io.podflow.api.graph.JobGraphTranslator;
import io.podflow.api.graph.OperatorTransformation;
import io.podflow.api.graph.Transformation;
import io.podflow.api.operators.SourceOperator;
import io.podflow.api.operators.StreamOperator;
import io.podflow.protocol.job.JobGraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a streaming program starts: it creates sources, collects the operators the program defines, and on
 * {@link #execute(String)} translates them into a JobGraph and runs it where the program was started.
 */
public class StreamExecutionEnvironment {

    /** The job name {@link #execute()} uses. */
    public static final String DEFAULT_JOB_NAME = "podflow Streaming Job";

    private final PipelineExecutor executor;
    private final List<OperatorTransformation> operators = new ArrayList<>();
    private final ExecutionConfig config = new ExecutionConfig();
    private int parallelism;
    private int nextId;
    private TimeCharacteristic timeCharacteristic = TimeCharacteristic.ProcessingTime;

    protected StreamExecutionEnvironment(PipelineExecutor executor, int parallelism) {
        this.executor = executor;
        setParallelism(parallelism);
    }

    /**
     * The environment for where this program runs: inside {@code bin/flink run} or an application-mode JobManager
     * it submits to that cluster (see {@link ExecutionEnvironmentContext}); anywhere else it runs jobs in this
     * process with the machine's processor count as parallelism.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return ExecutionEnvironmentContext.installed()
                .map(context -> new StreamExecutionEnvironment(context.executor(), context.defaultParallelism()))
                .orElseGet(StreamExecutionEnvironment::createLocalEnvironment);
    }

    public static StreamExecutionEnvironment createLocalEnvironment() {
        return createLocalEnvironment(Runtime.getRuntime().availableProcessors());
    }

    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        return new StreamExecutionEnvironment(new LocalStreamRunner(), parallelism);
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The job parallelism must be at least 1, not " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getParallelism() {
        return parallelism;
    }

    public ExecutionConfig getConfig() {
        return config;
    }

    public void setStreamTimeCharacteristic(TimeCharacteristic characteristic) {
        this.timeCharacteristic = characteristic;
    }

    public TimeCharacteristic getStreamTimeCharacteristic() {
        return timeCharacteristic;
    }

    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... elements) {
        List<T> list = new ArrayList<>(elements.length);
        for (T element : elements) {
            list.add(element);
        }
        return fromCollection(list);
    }

    public <T> DataStreamSource<T> fromCollection(Collection<T> elements) {
        return addSource(new CollectionSource<>(elements), "Collection Source", true);
    }

    /** The numbers {@code from..to}, both included, split over the source's parallel subtasks. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return addSource(new SequenceSource(from, to), "Sequence Source", false);
    }

    /** The lines of a UTF-8 text file, split over the source's parallel subtasks. */
    public DataStreamSource<String> readTextFile(String path) {
        return addSource(new TextFileSource(path), "Read Text File (" + path + ")", false);
    }

    /** The lines a server at {@code host:port} sends; ends when it closes the connection. */
    public DataStreamSource<String> socketTextStream(String host, int port) {
        return addSource(new SocketTextSource(host, port), "Socket Stream", true);
    }

    /** A stream from a user source; it runs with the job's parallelism unless set otherwise. */
    public <T> DataStreamSource<T> addSource(SourceFunction<T> source) {
        return addSource(source, "Custom Source", false);
    }

    @SuppressWarnings("unchecked")
    private <T> DataStreamSource<T> addSource(SourceFunction<T> source, String name, boolean nonParallel) {
        return new DataStreamSource<>(this, addOperator("Source: " + name,
                new SourceOperator((SourceFunction<Object>) (SourceFunction<?>) source), List.of(), nonParallel));
    }

    /** Registers an operator of this program; used by the DataStream classes. */
    public OperatorTransformation addOperator(String name, StreamOperator operator, List<Transformation> inputs,
            boolean nonParallel) {
        OperatorTransformation transformation = new OperatorTransformation(nextId(), name, operator, inputs,
                nonParallel);
        operators.add(transformation);
        return transformation;
    }

    /** A fresh transformation id; ids grow in creation order. */
    public int nextId() {
        return nextId++;
    }

    /** The JobGraph of everything defined so far. */
    public JobGraph getJobGraph(String jobName) {
        return new JobGraphTranslator(parallelism).translate(jobName, operators, Map.of());
    }

    public JobExecutionResult execute() throws Exception {
        return execute(DEFAULT_JOB_NAME);
    }

    /** Translates the program and runs it; the operators defined so far are consumed. */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobGraph jobGraph = getJobGraph(jobName);
        operators.clear();
        return executor.execute(jobGraph);
    }
}
