package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.podflow.common.config.ConfigurationLoader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Secret {@code <id>-secret}: the cluster secret (RPC and blob handshake) and the REST token. Its keys are
 * the option keys; the processes receive them as the environment variables below, which their configuration
 * loading reads ({@link ConfigurationLoader#loadFromEnvironment}).
 */
public final class ClusterSecret {

    public static final String CLUSTER_SECRET_KEY = "cluster.secret";
    public static final String REST_TOKEN_KEY = "rest.authentication.token";
    public static final String CLUSTER_SECRET_ENV = ConfigurationLoader.CLUSTER_SECRET_ENV;
    public static final String REST_TOKEN_ENV = ConfigurationLoader.REST_TOKEN_ENV;

    private ClusterSecret() {
    }

    public static Secret build(String name, String namespace, Map<String, String> labels, String clusterSecret,
            String restToken) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CLUSTER_SECRET_KEY, base64(clusterSecret));
        data.put(REST_TOKEN_KEY, base64(restToken));
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withType("Opaque").withData(data).build();
    }

    /** The variables the JobManager needs: both keys. */
    static ClusterSecretEnvStep jobManagerEnv(String secretName) {
        return new ClusterSecretEnvStep(secretName,
                Map.of(CLUSTER_SECRET_ENV, CLUSTER_SECRET_KEY, REST_TOKEN_ENV, REST_TOKEN_KEY));
    }

    /** The variables a TaskManager needs: only the cluster secret. */
    static ClusterSecretEnvStep taskManagerEnv(String secretName) {
        return new ClusterSecretEnvStep(secretName, Map.of(CLUSTER_SECRET_ENV, CLUSTER_SECRET_KEY));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
