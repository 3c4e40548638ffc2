package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.podflow.common.memory.JvmMemory;
import java.util.List;

/**
 * The JVM memory flags of the pod's process, derived here from the options that also size the container, so the
 * container's start script uses them as given instead of starting a JVM of its own to derive them.
 */
public record JvmMemoryStep(JvmMemory memory) implements PodStep {

    /** Read by bin/config.sh; when absent (standalone processes) the script derives the flags itself. */
    public static final String ENV_NAME = "PODFLOW_JVM_MEMORY_FLAGS";

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withEnv(List.of(new EnvVar(ENV_NAME, String.join(" ", memory.jvmArguments()), null)));
    }
}
