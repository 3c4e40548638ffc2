package io.podflow.protocol.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobGraphTest {

    private final JobVertex source = vertex("source", 2);
    private final JobVertex map = vertex("map", 2);
    private final JobVertex sink = vertex("sink", 4);

    static JobVertex vertex(String name, int parallelism) {
        return new JobVertex(JobVertexID.generate(), name, "com.example." + name, parallelism, Map.of("k", name));
    }

    private static JobGraph graph(List<JobVertex> vertices, JobEdge... edges) {
        return new JobGraph(JobID.generate(), "test job", vertices, List.of(edges), List.of(), Map.of());
    }

    @Test
    void verticesAreOrderedSourcesFirstWhateverTheDeclarationOrder() {
        JobGraph graph = graph(List.of(sink, map, source),
                new JobEdge(map.id(), sink.id(), Partitioning.HASH),
                new JobEdge(source.id(), map.id(), Partitioning.FORWARD));

        assertEquals(List.of(source, map, sink), graph.vertices());
        assertEquals(4, graph.maxParallelism());
        assertEquals(List.of(new JobEdge(source.id(), map.id(), Partitioning.FORWARD)), graph.inputsOf(map.id()));
        assertEquals(List.of(new JobEdge(map.id(), sink.id(), Partitioning.HASH)), graph.outputsOf(map.id()));
    }

    @Test
    void cycleIsRefusedNamingItsVertices() {
        InvalidJobGraphException error = assertThrows(InvalidJobGraphException.class, () -> graph(
                List.of(source, map, sink),
                new JobEdge(source.id(), map.id(), Partitioning.FORWARD),
                new JobEdge(map.id(), sink.id(), Partitioning.REBALANCE),
                new JobEdge(sink.id(), map.id(), Partitioning.REBALANCE)));
        assertTrue(error.getMessage().contains("cycle through the vertices [map, sink]"), error.getMessage());
    }

    @Test
    void forwardEdgeBetweenDifferentParallelismIsRefused() {
        InvalidJobGraphException error = assertThrows(InvalidJobGraphException.class,
                () -> graph(List.of(map, sink), new JobEdge(map.id(), sink.id(), Partitioning.FORWARD)));
        assertTrue(error.getMessage().contains("FORWARD edge 'map' -> 'sink' joins parallelism 2 to 4"),
                error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Partitioning.class, names = "FORWARD", mode = EnumSource.Mode.EXCLUDE)
    void otherPartitioningsJoinAnyParallelism(Partitioning partitioning) {
        JobGraph graph = graph(List.of(map, sink), new JobEdge(map.id(), sink.id(), partitioning));
        assertEquals(2, graph.vertices().size());
    }

    @Test
    void nonPositiveParallelismIsRefused() {
        InvalidJobGraphException error = assertThrows(InvalidJobGraphException.class, () -> vertex("broken", 0));
        assertTrue(error.getMessage().contains("'broken' has parallelism 0"), error.getMessage());
    }

    @Test
    void edgeToAVertexOutsideTheGraphIsRefused() {
        InvalidJobGraphException error = assertThrows(InvalidJobGraphException.class,
                () -> graph(List.of(source), new JobEdge(source.id(), sink.id(), Partitioning.REBALANCE)));
        assertTrue(error.getMessage().contains(sink.id() + ", which is not one of its vertices"), error.getMessage());
    }

    @Test
    void duplicateVertexIdsAndEmptyGraphsAreRefused() {
        assertThrows(InvalidJobGraphException.class, () -> graph(List.of(source, source)));
        assertThrows(InvalidJobGraphException.class, () -> graph(List.of()));
    }

    @Test
    void idsPrintAndParseAsThirtyTwoHexDigits() {
        JobID id = JobID.generate();
        assertTrue(id.toString().matches("[0-9a-f]{32}"), id.toString());
        assertEquals(id, JobID.fromHexString(id.toString().toUpperCase()));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> JobID.fromHexString("not-an-id"));
        assertEquals("'not-an-id' is not a valid job id: expected 32 hex digits", error.getMessage());
    }
}
