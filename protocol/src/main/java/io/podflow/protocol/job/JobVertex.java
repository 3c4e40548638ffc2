package io.podflow.protocol.job;

import java.util.Map;

/**
 * One vertex of a JobGraph: {@code parallelism} subtasks, each running an instance of {@code invokableClassName}
 * with the vertex's configuration.
 */
public record JobVertex(JobVertexID id, String name, String invokableClassName, int parallelism,
        Map<String, String> configuration) {

    public JobVertex {
        if (id == null) {
            throw new InvalidJobGraphException("A job vertex needs an id");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidJobGraphException("Job vertex " + id + " needs a name");
        }
        if (invokableClassName == null || invokableClassName.isBlank()) {
            throw new InvalidJobGraphException("Job vertex '" + name + "' needs the class name of its invokable");
        }
        if (parallelism < 1) {
            throw new InvalidJobGraphException("Job vertex '" + name + "' has parallelism " + parallelism
                    + "; it must be at least 1");
        }
        configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
    }
}
