package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.naming.KubernetesLabels;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a cluster's JobManager Deployment and the objects beside it from the client's configuration. */
public final class JobManagerSpecFactory {

    /** What the JobManager container runs: a session cluster or one application's {@code main()}. */
    public enum Mode {
        SESSION("kubernetes-jobmanager"), APPLICATION("kubernetes-application");

        private final String entrypointArgument;

        Mode(String entrypointArgument) {
            this.entrypointArgument = entrypointArgument;
        }

        public String entrypointArgument() {
            return entrypointArgument;
        }
    }

    private JobManagerSpecFactory() {
    }

    /**
     * The cluster's objects. Resolves {@code kubernetes.cluster-id} into {@code config} (a random one when unset) and
     * fails with one line on any invalid option before anything exists.
     */
    public static JobManagerSpec create(Configuration config, Mode mode, String clusterSecret, String restToken,
            Map<String, String> loggingFiles) {
        PodSettings settings = PodSettings.forJobManager(config);
        KubernetesObjectNames names = settings.names();
        String clusterId = names.clusterId();
        String namespace = settings.namespace();
        Map<String, String> labels = KubernetesLabels.jobManager(clusterId);
        Map<String, String> selector = KubernetesLabels.selector(clusterId, KubernetesLabels.COMPONENT_JOBMANAGER);

        Pod pod = PodStep.applyAll(PodDraft.empty(), podSteps(settings, mode, labels)).build();
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(names.deployment())
                .withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(selector).endSelector()
                // two JobManagers of one cluster must never run at once
                .withNewStrategy().withType("Recreate").endStrategy()
                .withNewTemplate().withMetadata(pod.getMetadata()).withSpec(pod.getSpec()).endTemplate()
                .endSpec().build();

        Map<String, String> common = KubernetesLabels.common(clusterId);
        return new JobManagerSpec(deployment,
                FlinkConfigMap.build(names.configMap(), namespace, common,
                        FlinkConfYaml.render(containerConfiguration(config, settings)), loggingFiles),
                ClusterSecret.build(names.secret(), namespace, common, clusterSecret, restToken),
                KubernetesServices.internal(names.internalService(), namespace, common, selector, settings.ports()),
                KubernetesServices.rest(names.restService(), namespace, common, selector, settings.ports(),
                        config.get(KubernetesConfigOptions.REST_SERVICE_EXPOSED_TYPE)));
    }

    private static List<PodStep> podSteps(PodSettings settings, Mode mode, Map<String, String> labels) {
        List<PodStep> steps = new ArrayList<>();
        steps.add(new PodMetadataStep(null, settings.userLabels(), labels, settings.annotations()));
        steps.addAll(CommonPodSteps.of(settings, settings.ports().jobManager()));
        steps.add(new RestReadinessProbeStep(settings.ports().rest()));
        steps.add(new EnvironmentStep(settings.env()));
        steps.add(ClusterSecret.jobManagerEnv(settings.names().secret()));
        steps.add(new StartCommandStep(settings.entryPath(), mode.entrypointArgument(), Map.of()));
        return steps;
    }

    /** What the containers read: the client's settings plus where the JobManager is and its fixed ports. */
    private static Configuration containerConfiguration(Configuration config, PodSettings settings) {
        Configuration forContainers = config.copy();
        settings.ports().asConfiguration().forEach(forContainers::setString);
        forContainers.setString(KubernetesConfigOptions.NAMESPACE.key(), settings.namespace());
        forContainers.setString(TaskManagerPodFactory.JOBMANAGER_RPC_ADDRESS_KEY,
                settings.names().jobManagerAddress(settings.namespace()));
        return forContainers;
    }
}
