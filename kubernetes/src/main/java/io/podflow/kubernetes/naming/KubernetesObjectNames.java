package io.podflow.kubernetes.naming;

/** Names of the objects of one cluster, all derived from its id (see DESIGN.md "Kubernetes objects"). */
public record KubernetesObjectNames(String clusterId) {

    private static final String TASKMANAGER_POD_INFIX = "-taskmanager-";

    public KubernetesObjectNames {
        ClusterIds.validate(clusterId);
    }

    /** The JobManager Deployment, owner of every other object of the cluster. */
    public String deployment() {
        return clusterId;
    }

    /** The headless Service TaskManagers reach the JobManager's RPC and blob ports through. */
    public String internalService() {
        return clusterId;
    }

    public String restService() {
        return clusterId + "-rest";
    }

    public String configMap() {
        return "flink-config-" + clusterId;
    }

    /** The Secret holding the cluster secret (RPC and blob handshake) and the REST token. */
    public String secret() {
        return clusterId + "-secret";
    }

    /** Host name of the JobManager inside the cluster: the internal Service in its namespace. */
    public String jobManagerAddress(String namespace) {
        return internalService() + "." + namespace;
    }

    /** {@code <id>-taskmanager-<attempt>-<index>}, which is also the TaskManager's resource id. */
    public String taskManagerPod(int attempt, int index) {
        if (attempt < 1 || index < 1) {
            throw new IllegalArgumentException("Attempt and index start at 1: " + attempt + ", " + index);
        }
        return clusterId + TASKMANAGER_POD_INFIX + attempt + "-" + index;
    }

    /** The attempt and index a TaskManager pod name of this cluster carries, or null for any other name. */
    public TaskManagerPodName parseTaskManagerPod(String podName) {
        String prefix = clusterId + TASKMANAGER_POD_INFIX;
        if (!podName.startsWith(prefix)) {
            return null;
        }
        String[] parts = podName.substring(prefix.length()).split("-", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            int attempt = Integer.parseInt(parts[0]);
            int index = Integer.parseInt(parts[1]);
            return attempt >= 1 && index >= 1 ? new TaskManagerPodName(podName, attempt, index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A TaskManager pod name taken apart. */
    public record TaskManagerPodName(String name, int attempt, int index) {
    }
}
