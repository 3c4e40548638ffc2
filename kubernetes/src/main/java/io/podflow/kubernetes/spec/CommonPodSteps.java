package io.podflow.kubernetes.spec;

import java.util.List;
import java.util.Map;

/** The steps JobManager and TaskManager pods share, in order, so both factories build pods the same way. */
final class CommonPodSteps {

    private CommonPodSteps() {
    }

    static List<PodStep> of(PodSettings settings, Map<String, Integer> ports) {
        return List.of(
                new MainContainerStep(settings.image(), settings.pullPolicy(), settings.pullSecrets(), ports),
                new ResourcesStep(settings.memory(), settings.cpu()),
                new JvmMemoryStep(settings.jvmMemory()),
                new ConfigMountStep(settings.names().configMap(), settings.confDir()),
                new EnvironmentStep(Map.of("FLINK_LOG_DIR", settings.logDir())),
                new SecretVolumesStep(settings.secretMounts()),
                new SecretEnvStep(settings.secretEnv()),
                new PodIdentityEnvStep(),
                new ServiceAccountStep(settings.serviceAccount()),
                new NodePlacementStep(settings.nodeSelector(), settings.tolerations()));
    }
}
