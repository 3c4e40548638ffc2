package io.podflow.e2e.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** What the API server holds for one podflow cluster ({@code app=<cluster-id>}) in one namespace. */
public final class ClusterObjects {

    public static final String JOBMANAGER = "jobmanager";
    public static final String TASKMANAGER = "taskmanager";

    private final KubernetesClient client;
    private final String namespace;
    private final String clusterId;

    public ClusterObjects(KubernetesClient client, String namespace, String clusterId) {
        this.client = client;
        this.namespace = namespace;
        this.clusterId = clusterId;
    }

    /** The cluster's pods of one component ({@link #JOBMANAGER} or {@link #TASKMANAGER}), in any phase. */
    public List<Pod> pods(String component) {
        return client.pods().inNamespace(namespace).withLabel("app", clusterId).withLabel("component", component)
                .list().getItems();
    }

    /** All the cluster's pods, in any phase. */
    public List<Pod> pods() {
        return client.pods().inNamespace(namespace).withLabel("app", clusterId).list().getItems();
    }

    /** The cluster's pods of one component whose phase is Running. */
    public List<Pod> runningPods(String component) {
        return pods(component).stream().filter(pod -> "Running".equals(pod.getStatus().getPhase())).toList();
    }

    /** {@code Kind/name} of every Deployment, Service, ConfigMap, Secret and Pod labelled with the cluster's id. */
    public List<String> labelled() {
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(client.apps().deployments().inNamespace(namespace).withLabel("app", clusterId).list()
                .getItems());
        objects.addAll(client.services().inNamespace(namespace).withLabel("app", clusterId).list().getItems());
        objects.addAll(client.configMaps().inNamespace(namespace).withLabel("app", clusterId).list().getItems());
        objects.addAll(client.secrets().inNamespace(namespace).withLabel("app", clusterId).list().getItems());
        objects.addAll(pods());
        return objects.stream().map(object -> object.getKind() + "/" + object.getMetadata().getName()).toList();
    }

    /** The sorted names of {@code objects}. */
    public static List<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(object -> object.getMetadata().getName()).sorted().toList();
    }
}
