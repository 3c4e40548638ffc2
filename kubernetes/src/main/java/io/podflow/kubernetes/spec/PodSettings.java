package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.Toleration;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.ContainerEnvOptions;
import io.podflow.common.config.JobManagerOptions;
import io.podflow.common.config.MemorySize;
import io.podflow.common.config.TaskManagerOptions;
import io.podflow.common.memory.JobManagerMemory;
import io.podflow.common.memory.JvmMemory;
import io.podflow.common.memory.TaskManagerMemory;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.KubernetesConfigOptions.ImagePullPolicy;
import io.podflow.kubernetes.naming.ClusterIds;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import java.util.List;
import java.util.Map;

/**
 * Every option a JobManager or TaskManager pod is built from, read and checked once; a memory split that does not fit
 * the process size fails here, with the line the start script would print.
 */
public record PodSettings(KubernetesObjectNames names, String namespace, String image, ImagePullPolicy pullPolicy,
        List<String> pullSecrets, String serviceAccount, Map<String, String> userLabels,
        Map<String, String> annotations, Map<String, String> nodeSelector, List<Toleration> tolerations,
        MemorySize memory, JvmMemory jvmMemory, double cpu, Map<String, String> env, List<SecretMount> secretMounts,
        List<SecretEnvVar> secretEnv, String confDir, String logDir, String entryPath, ClusterPorts ports) {

    public static PodSettings forJobManager(Configuration config) {
        return new PodSettings(names(config), config.get(KubernetesConfigOptions.NAMESPACE),
                config.get(KubernetesConfigOptions.CONTAINER_IMAGE),
                config.get(KubernetesConfigOptions.CONTAINER_IMAGE_PULL_POLICY),
                config.get(KubernetesConfigOptions.CONTAINER_IMAGE_PULL_SECRETS),
                config.get(KubernetesConfigOptions.JOBMANAGER_SERVICE_ACCOUNT),
                config.get(KubernetesConfigOptions.JOBMANAGER_LABELS),
                config.get(KubernetesConfigOptions.JOBMANAGER_ANNOTATIONS),
                config.get(KubernetesConfigOptions.JOBMANAGER_NODE_SELECTOR),
                Tolerations.fromConfig(config, KubernetesConfigOptions.JOBMANAGER_TOLERATIONS),
                config.get(JobManagerOptions.PROCESS_MEMORY), JobManagerMemory.of(config),
                config.get(KubernetesConfigOptions.JOBMANAGER_CPU),
                config.getPrefixed(ContainerEnvOptions.JOBMANAGER_ENV), SecretMount.fromConfig(config),
                SecretEnvVar.fromConfig(config), config.get(KubernetesConfigOptions.FLINK_CONF_DIR),
                config.get(KubernetesConfigOptions.FLINK_LOG_DIR), config.get(KubernetesConfigOptions.ENTRY_PATH),
                ClusterPorts.from(config));
    }

    public static PodSettings forTaskManager(Configuration config) {
        double cpu = config.getOptional(KubernetesConfigOptions.TASKMANAGER_CPU)
                .orElseGet(() -> (double) config.get(TaskManagerOptions.NUM_TASK_SLOTS));
        return new PodSettings(names(config), config.get(KubernetesConfigOptions.NAMESPACE),
                config.get(KubernetesConfigOptions.CONTAINER_IMAGE),
                config.get(KubernetesConfigOptions.CONTAINER_IMAGE_PULL_POLICY),
                config.get(KubernetesConfigOptions.CONTAINER_IMAGE_PULL_SECRETS),
                config.get(KubernetesConfigOptions.TASKMANAGER_SERVICE_ACCOUNT),
                config.get(KubernetesConfigOptions.TASKMANAGER_LABELS),
                config.get(KubernetesConfigOptions.TASKMANAGER_ANNOTATIONS),
                config.get(KubernetesConfigOptions.TASKMANAGER_NODE_SELECTOR),
                Tolerations.fromConfig(config, KubernetesConfigOptions.TASKMANAGER_TOLERATIONS),
                config.get(TaskManagerOptions.PROCESS_MEMORY), TaskManagerMemory.of(config), cpu,
                config.getPrefixed(ContainerEnvOptions.TASKMANAGER_ENV), SecretMount.fromConfig(config),
                SecretEnvVar.fromConfig(config), config.get(KubernetesConfigOptions.FLINK_CONF_DIR),
                config.get(KubernetesConfigOptions.FLINK_LOG_DIR), config.get(KubernetesConfigOptions.ENTRY_PATH),
                ClusterPorts.from(config));
    }

    private static KubernetesObjectNames names(Configuration config) {
        return new KubernetesObjectNames(ClusterIds.resolve(config));
    }
}
