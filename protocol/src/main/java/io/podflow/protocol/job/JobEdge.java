package io.podflow.protocol.job;

/** A data connection from every subtask of {@code source} to subtasks of {@code target}. */
public record JobEdge(JobVertexID source, JobVertexID target, Partitioning partitioning) {

    public JobEdge {
        if (source == null || target == null) {
            throw new InvalidJobGraphException("A job edge needs both a source and a target vertex");
        }
        if (partitioning == null) {
            throw new InvalidJobGraphException("The edge " + source + " -> " + target + " needs a partitioning "
                    + "(FORWARD, HASH, REBALANCE or BROADCAST)");
        }
    }
}
