package io.podflow.api.graph;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.Collector;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.windowing.Time;
import io.podflow.protocol.job.JobEdge;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobGraphJson;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.Partitioning;
import io.podflow.api.runtime.StreamTask;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobGraphTranslatorTest {

    /** The seed's WordCount: socket -> flatMap split -> keyBy word -> 5 s window -> sum -> print. */
    private static JobGraph seedWordCount(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.socketTextStream("10.0.100.12", 9999)
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(Tuple2.of(word, 1));
                    }
                })
                .keyBy(0)
                .timeWindow(Time.seconds(5))
                .sum(1)
                .print();
        return env.getJobGraph("Window WordCount");
    }

    @Test
    void seedWordCountAtParallelismFourHasThreeVerticesJoinedByRebalanceAndHash() {
        JobGraph graph = seedWordCount(4);
        List<JobVertex> vertices = graph.vertices();
        assertEquals(List.of("Source: Socket Stream", "Flat Map",
                        "Window(TumblingProcessingTimeWindows(5000), Sum) -> Sink: Print to Std. Out"),
                vertices.stream().map(JobVertex::name).toList());
        assertEquals(List.of(1, 4, 4), vertices.stream().map(JobVertex::parallelism).toList());
        vertices.forEach(vertex -> assertEquals(StreamTask.class.getName(), vertex.invokableClassName()));
        assertEquals(List.of(
                new JobEdge(vertices.get(0).id(), vertices.get(1).id(), Partitioning.REBALANCE),
                new JobEdge(vertices.get(1).id(), vertices.get(2).id(), Partitioning.HASH)), graph.edges());
        assertEquals(4, graph.maxParallelism());
    }

    @Test
    void seedWordCountAtParallelismOneChainsTheSourceWithTheFlatMap() {
        JobGraph graph = seedWordCount(1);
        assertEquals(List.of("Source: Socket Stream -> Flat Map",
                        "Window(TumblingProcessingTimeWindows(5000), Sum) -> Sink: Print to Std. Out"),
                graph.vertices().stream().map(JobVertex::name).toList());
        assertEquals(Partitioning.HASH, graph.edges().get(0).partitioning());
    }

    @Test
    void vertexConfigurationCarriesTheChainAndSurvivesTheJsonWireForm() {
        JobGraph graph = JobGraphJson.fromJson(JobGraphJson.toJson(seedWordCount(4)));
        JobVertex window = graph.vertices().get(2);
        ChainSpec chain = ChainSpec.fromConfiguration(window.configuration(), getClass().getClassLoader());
        assertEquals(2, chain.operators().size());
        assertEquals(List.of(1), chain.operators().get(0).chainedTargets());
        assertEquals(List.of(new ChainInput(4)), chain.inputs());
        assertTrue(chain.outputs().isEmpty());
        assertEquals(window.name(), window.configuration().get(ChainSpec.OPERATORS_KEY));
        ChainSpec flatMap = ChainSpec.fromConfiguration(graph.vertices().get(1).configuration(),
                getClass().getClassLoader());
        assertEquals(Partitioning.HASH, flatMap.outputs().get(0).partitioning());
        assertEquals(4, flatMap.outputs().get(0).consumerParallelism());
        assertEquals(List.of(0), flatMap.operators().get(0).networkOutputs());
    }

    @Test
    void unionsAndPerOperatorParallelismBreakChains() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        var numbers = env.fromSequence(1, 10).map(n -> n * 2);
        var more = env.fromSequence(11, 20);
        numbers.union(more).filter(n -> n % 3 == 0).name("Multiples of three").setParallelism(3)
                .print().setParallelism(3);
        JobGraph graph = env.getJobGraph("union");
        assertEquals(List.of("Source: Sequence Source -> Map", "Source: Sequence Source",
                        "Multiples of three -> Sink: Print to Std. Out"),
                graph.vertices().stream().map(JobVertex::name).toList());
        assertEquals(List.of(Partitioning.REBALANCE, Partitioning.REBALANCE),
                graph.edges().stream().map(JobEdge::partitioning).toList());
    }

    @Test
    void forwardBetweenDifferentParallelismsIsRefusedWithAHint() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 10).forward().map(n -> n).setParallelism(3).print();
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> env.getJobGraph("bad"));
        assertTrue(error.getMessage().contains("rebalance()"), error.getMessage());
    }

    @Test
    void nonParallelSourcesRefuseAParallelism() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        assertThrows(IllegalArgumentException.class, () -> env.fromElements(1, 2).setParallelism(2));
    }
}
