package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.naming.KubernetesLabels;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds TaskManager pods for the ResourceManager, with the same steps the client uses for the JobManager. */
public final class TaskManagerPodFactory {

    public static final String ENTRYPOINT_ARGUMENT = "kubernetes-taskmanager";
    static final String RESOURCE_ID_KEY = "taskmanager.resource-id";
    static final String JOBMANAGER_RPC_ADDRESS_KEY = "jobmanager.rpc.address";

    private final PodSettings settings;
    private final List<PodStep> sharedSteps;

    /**
     * Reads and checks the options once; {@code owner} is the reference to the JobManager Deployment every pod
     * carries (see {@link OwnerReferences#toDeployment}).
     */
    public TaskManagerPodFactory(Configuration config, OwnerReference owner) {
        this(PodSettings.forTaskManager(config), owner);
    }

    /** For settings read (and so checked) before the owner reference is known. */
    public TaskManagerPodFactory(PodSettings settings, OwnerReference owner) {
        this.settings = settings;
        List<PodStep> steps = new ArrayList<>(CommonPodSteps.of(settings, settings.ports().taskManager()));
        steps.add(new EnvironmentStep(settings.env()));
        steps.add(ClusterSecret.taskManagerEnv(settings.names().secret()));
        steps.add(new OwnerReferenceStep(owner));
        steps.add(RestartPolicyStep.never());
        this.sharedSteps = List.copyOf(steps);
    }

    public KubernetesObjectNames names() {
        return settings.names();
    }

    public String namespace() {
        return settings.namespace();
    }

    public String serviceAccount() {
        return settings.serviceAccount();
    }

    /** The pod of TaskManager {@code podName}, which is also its resource id. */
    public Pod create(String podName) {
        String clusterId = settings.names().clusterId();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(RESOURCE_ID_KEY, podName);
        properties.put(JOBMANAGER_RPC_ADDRESS_KEY, settings.names().jobManagerAddress(settings.namespace()));
        List<PodStep> steps = new ArrayList<>();
        steps.add(new PodMetadataStep(podName, settings.userLabels(), KubernetesLabels.taskManager(clusterId),
                settings.annotations()));
        steps.addAll(sharedSteps);
        steps.add(new StartCommandStep(settings.entryPath(), ENTRYPOINT_ARGUMENT, properties));
        Pod pod = PodStep.applyAll(PodDraft.empty(), steps).build();
        pod.getMetadata().setNamespace(settings.namespace());
        return pod;
    }
}
