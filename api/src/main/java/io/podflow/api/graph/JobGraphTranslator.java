package io.podflow.api.graph;

import io.podflow.api.functions.KeySelector;
import io.podflow.api.runtime.StreamTask;
import io.podflow.protocol.job.JobEdge;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the operators of a program into a JobGraph. An operator joins its input's chain (one task, no
 * serialization between them) when it has exactly one input, reached by a FORWARD edge at equal parallelism;
 * keyBy, rebalance, broadcast, unions and parallelism changes start a new vertex. Every vertex runs
 * {@link StreamTask} with its {@link ChainSpec} in the vertex configuration.
 */
public final class JobGraphTranslator {

    private final int defaultParallelism;

    public JobGraphTranslator(int defaultParallelism) {
        if (defaultParallelism < 1) {
            throw new IllegalArgumentException("The job parallelism must be at least 1, not " + defaultParallelism);
        }
        this.defaultParallelism = defaultParallelism;
    }

    public JobGraph translate(String jobName, List<OperatorTransformation> program, Map<String, String> jobConfig) {
        if (program.isEmpty()) {
            throw new IllegalStateException("The job '" + jobName + "' has no operators: define sources, "
                    + "transformations and sinks before calling execute()");
        }
        List<OperatorTransformation> operators = new ArrayList<>(program);
        operators.sort(Comparator.comparingInt(Transformation::id));
        Map<OperatorTransformation, List<StreamEdge>> inputEdges = new LinkedHashMap<>();
        for (OperatorTransformation operator : operators) {
            List<StreamEdge> edges = new ArrayList<>();
            for (Transformation input : operator.inputs()) {
                resolve(input, operator, null, null, edges);
            }
            inputEdges.put(operator, edges);
        }
        Map<OperatorTransformation, OperatorTransformation> headOf = new HashMap<>();
        for (OperatorTransformation operator : operators) {
            List<StreamEdge> edges = inputEdges.get(operator);
            boolean chained = edges.size() == 1 && edges.get(0).partitioning() == Partitioning.FORWARD;
            headOf.put(operator, chained ? headOf.get(edges.get(0).source()) : operator);
        }
        Map<OperatorTransformation, JobVertexID> vertexIds = new LinkedHashMap<>();
        operators.stream().filter(operator -> headOf.get(operator) == operator)
                .forEach(head -> vertexIds.put(head, JobVertexID.generate()));
        List<StreamEdge> networkEdges = new ArrayList<>();
        List<JobEdge> jobEdges = new ArrayList<>();
        for (OperatorTransformation head : vertexIds.keySet()) {
            if (inputEdges.get(head).isEmpty() && !head.inputs().isEmpty()) {
                throw new IllegalStateException("Operator '" + head.name() + "' has no resolvable input");
            }
            for (StreamEdge edge : inputEdges.get(head)) {
                networkEdges.add(edge);
                jobEdges.add(new JobEdge(vertexIds.get(headOf.get(edge.source())), vertexIds.get(head),
                        edge.partitioning()));
            }
        }
        List<JobVertex> vertices = new ArrayList<>();
        for (Map.Entry<OperatorTransformation, JobVertexID> vertex : vertexIds.entrySet()) {
            ChainSpec chain = chainOf(vertex.getKey(), operators, headOf, inputEdges, networkEdges);
            String description = chain.describe();
            vertices.add(new JobVertex(vertex.getValue(), description, StreamTask.class.getName(),
                    parallelismOf(vertex.getKey()),
                    Map.of(ChainSpec.CONFIG_KEY, chain.encode(), ChainSpec.OPERATORS_KEY, description)));
        }
        return new JobGraph(JobID.generate(), jobName, vertices, jobEdges, List.of(), jobConfig);
    }

    private ChainSpec chainOf(OperatorTransformation head, List<OperatorTransformation> operators,
            Map<OperatorTransformation, OperatorTransformation> headOf,
            Map<OperatorTransformation, List<StreamEdge>> inputEdges, List<StreamEdge> networkEdges) {
        List<OperatorTransformation> members = operators.stream().filter(operator -> headOf.get(operator) == head)
                .toList();
        List<StreamEdge> outgoing = networkEdges.stream().filter(edge -> headOf.get(edge.source()) == head).toList();
        List<ChainedOperator> chained = new ArrayList<>();
        for (OperatorTransformation member : members) {
            List<Integer> targets = new ArrayList<>();
            for (OperatorTransformation candidate : members) {
                if (candidate != head && inputEdges.get(candidate).get(0).source() == member) {
                    targets.add(members.indexOf(candidate));
                }
            }
            List<Integer> outputs = new ArrayList<>();
            for (int i = 0; i < outgoing.size(); i++) {
                if (outgoing.get(i).source() == member) {
                    outputs.add(i);
                }
            }
            chained.add(new ChainedOperator(member.name(), member.operator(), targets, outputs));
        }
        List<ChainOutput> chainOutputs = outgoing.stream().map(edge -> new ChainOutput(edge.partitioning(),
                parallelismOf(edge.target()), edge.keySelector())).toList();
        List<ChainInput> chainInputs = inputEdges.get(head).stream()
                .map(edge -> new ChainInput(parallelismOf(edge.source()))).toList();
        return new ChainSpec(chained, chainOutputs, chainInputs);
    }

    /** Follows virtual steps back from {@code input} to real operators, collecting one edge per operator reached. */
    private void resolve(Transformation input, OperatorTransformation target, Partitioning partitioning,
            KeySelector<Object, Object> keySelector, List<StreamEdge> edges) {
        if (input instanceof OperatorTransformation source) {
            edges.add(new StreamEdge(source, target, partitioningBetween(source, target, partitioning), keySelector));
        } else if (input instanceof PartitionTransformation partition) {
            boolean outermost = partitioning == null;
            resolve(partition.inputs().get(0), target, outermost ? partition.partitioning() : partitioning,
                    outermost ? partition.keySelector() : keySelector, edges);
        } else {
            for (Transformation unionInput : input.inputs()) {
                resolve(unionInput, target, partitioning, keySelector, edges);
            }
        }
    }

    private Partitioning partitioningBetween(OperatorTransformation source, OperatorTransformation target,
            Partitioning requested) {
        boolean sameParallelism = parallelismOf(source) == parallelismOf(target);
        if (requested == null) {
            return sameParallelism ? Partitioning.FORWARD : Partitioning.REBALANCE;
        }
        if (requested == Partitioning.FORWARD && !sameParallelism) {
            throw new IllegalStateException("'" + source.name() + "' (parallelism " + parallelismOf(source)
                    + ") cannot forward to '" + target.name() + "' (parallelism " + parallelismOf(target)
                    + "): forward needs equal parallelism; use rebalance() instead");
        }
        return requested;
    }

    private int parallelismOf(OperatorTransformation operator) {
        return operator.parallelism() == OperatorTransformation.DEFAULT_PARALLELISM ? defaultParallelism
                : operator.parallelism();
    }
}
