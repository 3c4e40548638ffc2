package io.podflow.kubernetes.naming;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels that mark a cluster's objects, by which its pods are selected and its objects found for clean-up. */
public final class KubernetesLabels {

    public static final String APP = "app";
    public static final String TYPE = "type";
    public static final String COMPONENT = "component";
    public static final String TYPE_NATIVE = "flink-native-kubernetes";
    public static final String COMPONENT_JOBMANAGER = "jobmanager";
    public static final String COMPONENT_TASKMANAGER = "taskmanager";

    private static final String K8S_NAME = "app.kubernetes.io/name";
    private static final String K8S_INSTANCE = "app.kubernetes.io/instance";
    private static final String K8S_COMPONENT = "app.kubernetes.io/component";
    private static final String K8S_MANAGED_BY = "app.kubernetes.io/managed-by";

    private KubernetesLabels() {
    }

    /** Labels every object of the cluster carries: {@code app=<id>, type=flink-native-kubernetes}. */
    public static Map<String, String> common(String clusterId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(APP, clusterId);
        labels.put(TYPE, TYPE_NATIVE);
        labels.put(K8S_NAME, "podflow");
        labels.put(K8S_INSTANCE, clusterId);
        labels.put(K8S_MANAGED_BY, "podflow");
        return labels;
    }

    /** Labels of the JobManager pod, also the selector of its Deployment and Services. */
    public static Map<String, String> jobManager(String clusterId) {
        return withComponent(clusterId, COMPONENT_JOBMANAGER);
    }

    /** Labels of the TaskManager pods, also what the ResourceManager's informer selects. */
    public static Map<String, String> taskManager(String clusterId) {
        return withComponent(clusterId, COMPONENT_TASKMANAGER);
    }

    /** The smallest selector for a component's pods: {@code app}, {@code type} and {@code component}. */
    public static Map<String, String> selector(String clusterId, String component) {
        return Map.of(APP, clusterId, TYPE, TYPE_NATIVE, COMPONENT, component);
    }

    private static Map<String, String> withComponent(String clusterId, String component) {
        Map<String, String> labels = common(clusterId);
        labels.put(COMPONENT, component);
        labels.put(K8S_COMPONENT, component);
        return labels;
    }
}
