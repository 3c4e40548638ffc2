package io.podflow.kubernetes.spec;

import io.podflow.common.config.Configuration;
import java.util.Map;
import java.util.Set;

/**
 * Renders a configuration as the flat {@code flink-conf.yaml} the containers read, leaving out secrets (which
 * travel in the cluster Secret) and settings only the client uses.
 */
public final class FlinkConfYaml {

    private static final Set<String> NOT_FOR_CONTAINERS = Set.of(ClusterSecret.CLUSTER_SECRET_KEY,
            ClusterSecret.REST_TOKEN_KEY, "kubernetes.config.file", "kubernetes.context", "execution.attached");

    private FlinkConfYaml() {
    }

    public static String render(Configuration config) {
        StringBuilder yaml = new StringBuilder();
        for (Map.Entry<String, String> entry : config.toMap().entrySet()) {
            if (NOT_FOR_CONTAINERS.contains(entry.getKey()) || entry.getValue().isEmpty()) {
                continue;
            }
            yaml.append(entry.getKey()).append(": '").append(entry.getValue().replace("'", "''")).append("'\n");
        }
        return yaml.toString();
    }
}
