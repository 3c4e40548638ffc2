package io.podflow.kubernetes.resourcemanager;

import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.naming.KubernetesObjectNames.TaskManagerPodName;
import java.util.Collection;
import java.util.Objects;

/**
 * The attempt number of a starting JobManager: one above the highest attempt among the TaskManager pods it finds,
 * so its pods never take the name of a pod a previous JobManager created.
 */
public final class AttemptNumbers {

    private AttemptNumbers() {
    }

    public static int next(KubernetesObjectNames names, Collection<String> existingPodNames) {
        return existingPodNames.stream().map(names::parseTaskManagerPod).filter(Objects::nonNull)
                .mapToInt(TaskManagerPodName::attempt).max().orElse(0) + 1;
    }
}
