package io.podflow.protocol.job;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client submits: named vertices joined by edges, the blob keys of the jars holding its classes, and
 * job-wide configuration. Constructing one validates it (known vertices, no cycles, positive parallelism,
 * equal parallelism across FORWARD edges) and puts the vertices in topological order, sources first.
 */
public record JobGraph(JobID jobId, String name, List<JobVertex> vertices, List<JobEdge> edges,
        List<String> jarBlobKeys, Map<String, String> configuration) {

    public JobGraph {
        if (jobId == null) {
            throw new InvalidJobGraphException("A job graph needs a job id");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidJobGraphException("Job " + jobId + " needs a name");
        }
        if (vertices == null || vertices.isEmpty()) {
            throw new InvalidJobGraphException("Job '" + name + "' has no vertices");
        }
        edges = edges == null ? List.of() : List.copyOf(edges);
        jarBlobKeys = jarBlobKeys == null ? List.of() : List.copyOf(jarBlobKeys);
        configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
        vertices = topologicalOrder(name, vertices, edges);
    }

    /** The vertex with this id, if the graph has it. */
    public Optional<JobVertex> vertex(JobVertexID id) {
        return vertices.stream().filter(vertex -> vertex.id().equals(id)).findFirst();
    }

    /** Edges whose target is {@code id}, in declaration order. */
    public List<JobEdge> inputsOf(JobVertexID id) {
        return edges.stream().filter(edge -> edge.target().equals(id)).toList();
    }

    /** Edges whose source is {@code id}, in declaration order. */
    public List<JobEdge> outputsOf(JobVertexID id) {
        return edges.stream().filter(edge -> edge.source().equals(id)).toList();
    }

    /** The largest vertex parallelism: the number of slots the job needs when one slot hosts one of each vertex. */
    public int maxParallelism() {
        return vertices.stream().mapToInt(JobVertex::parallelism).max().orElse(0);
    }

    private static List<JobVertex> topologicalOrder(String jobName, List<JobVertex> vertices, List<JobEdge> edges) {
        Map<JobVertexID, JobVertex> byId = new LinkedHashMap<>();
        for (JobVertex vertex : vertices) {
            if (vertex == null) {
                throw new InvalidJobGraphException("Job '" + jobName + "' lists a null vertex");
            }
            if (byId.put(vertex.id(), vertex) != null) {
                throw new InvalidJobGraphException("Job '" + jobName + "' has two vertices with id " + vertex.id());
            }
        }
        Map<JobVertexID, Integer> unmetInputs = new HashMap<>();
        Map<JobVertexID, List<JobVertexID>> successors = new HashMap<>();
        for (JobEdge edge : edges) {
            if (edge == null) {
                throw new InvalidJobGraphException("Job '" + jobName + "' lists a null edge");
            }
            JobVertex source = known(byId, edge.source(), jobName);
            JobVertex target = known(byId, edge.target(), jobName);
            if (edge.partitioning() == Partitioning.FORWARD && source.parallelism() != target.parallelism()) {
                throw new InvalidJobGraphException("The FORWARD edge '" + source.name() + "' -> '" + target.name()
                        + "' joins parallelism " + source.parallelism() + " to " + target.parallelism()
                        + "; FORWARD needs equal parallelism (use REBALANCE or HASH instead)");
            }
            unmetInputs.merge(target.id(), 1, Integer::sum);
            successors.computeIfAbsent(source.id(), id -> new ArrayList<>()).add(target.id());
        }
        Deque<JobVertexID> ready = new ArrayDeque<>();
        byId.keySet().stream().filter(id -> !unmetInputs.containsKey(id)).forEach(ready::add);
        List<JobVertex> ordered = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            JobVertexID id = ready.poll();
            ordered.add(byId.get(id));
            for (JobVertexID next : successors.getOrDefault(id, List.of())) {
                if (unmetInputs.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (ordered.size() < byId.size()) {
            List<String> inCycle = byId.values().stream().filter(vertex -> !ordered.contains(vertex))
                    .map(JobVertex::name).toList();
            throw new InvalidJobGraphException("Job '" + jobName + "' has a cycle through the vertices " + inCycle);
        }
        return List.copyOf(ordered);
    }

    private static JobVertex known(Map<JobVertexID, JobVertex> byId, JobVertexID id, String jobName) {
        JobVertex vertex = byId.get(id);
        if (vertex == null) {
            throw new InvalidJobGraphException("Job '" + jobName + "' has an edge to or from vertex " + id
                    + ", which is not one of its vertices");
        }
        return vertex;
    }
}
