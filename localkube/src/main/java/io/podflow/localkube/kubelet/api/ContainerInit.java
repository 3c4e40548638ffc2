package io.podflow.localkube.kubelet.api;

import java.util.Map;

/**
 * A running container's command process (the init process of its PID namespace): its host pid, the
 * environment it was started with, and the user and group it runs as; exec joins its namespaces with these.
 */
public record ContainerInit(long pid, Map<String, String> env, long uid, long gid) {

    public ContainerInit {
        env = Map.copyOf(env);
    }
}
