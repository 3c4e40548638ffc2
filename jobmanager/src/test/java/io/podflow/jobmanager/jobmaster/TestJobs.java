package io.podflow.jobmanager.jobmaster;

import io.podflow.protocol.job.JobEdge;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;

import java.util.List;
import java.util.Map;

/** Job graphs the JobMaster tests run. */
public final class TestJobs {

    private TestJobs() {
    }

    /** A source of parallelism {@code sourceParallelism} feeding a sink of {@code sinkParallelism}. */
    public static JobGraph sourceToSink(int sourceParallelism, int sinkParallelism, Map<String, String> config) {
        JobVertex source = new JobVertex(JobVertexID.generate(), "source", "test.Source", sourceParallelism, Map.of());
        JobVertex sink = new JobVertex(JobVertexID.generate(), "sink", "test.Sink", sinkParallelism, Map.of());
        return new JobGraph(JobID.generate(), "source to sink", List.of(source, sink),
                List.of(new JobEdge(source.id(), sink.id(), Partitioning.REBALANCE)), List.of(), config);
    }
}
