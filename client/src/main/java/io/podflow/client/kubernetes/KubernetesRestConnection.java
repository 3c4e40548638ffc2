package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.client.rest.ClusterConnection;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.client.rest.RestRequestHeaders;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.RestOptions;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.naming.ClusterIds;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Connects {@code bin/flink} to a session or application cluster on Kubernetes ({@code -t kubernetes-session},
 * {@code -t kubernetes-application}) named by {@code kubernetes.cluster-id} in {@code kubernetes.namespace}, with the
 * user's kubeconfig. Requests carry the cluster's REST token from its Secret, unless the user gave
 * {@code rest.authentication.token} or {@code FLINK_REST_CLIENT_HEADERS}.
 */
public final class KubernetesRestConnection {

    private KubernetesRestConnection() {
    }

    /**
     * Opens a connection that lasts until closed, so a port-forward it needs stays up for the whole command.
     *
     * @param environmentHeaders the value of {@code FLINK_REST_CLIENT_HEADERS}, or null
     * @throws IllegalConfigurationException when no valid cluster id is given
     * @throws ClusterUnavailableException when the cluster does not exist or has no ready JobManager
     * @throws io.podflow.kubernetes.client.KubernetesApiException when the API server cannot be reached or says no
     */
    public static ClusterConnection open(Configuration config, String environmentHeaders, Duration requestTimeout) {
        return open(config, environmentHeaders, requestTimeout, ReachableKubernetesClient::open);
    }

    static ClusterConnection open(Configuration config, String environmentHeaders, Duration requestTimeout,
            Function<Configuration, KubernetesClient> clients) {
        String configured = config.get(KubernetesConfigOptions.CLUSTER_ID);
        if (configured == null || configured.isBlank()) {
            throw new IllegalConfigurationException("A cluster on Kubernetes is named with -D"
                    + KubernetesConfigOptions.CLUSTER_ID.key() + "=<id> (the id kubernetes-session.sh printed)");
        }
        KubernetesClient client = clients.apply(config);
        try {
            SessionObjects cluster = new SessionObjects(client, config.get(KubernetesConfigOptions.NAMESPACE),
                    new KubernetesObjectNames(ClusterIds.validate(configured.trim())));
            RestEndpoint endpoint = new RestEndpointFinder(cluster).find();
            Map<String, String> headers;
            try {
                headers = headers(config, environmentHeaders, cluster);
            } catch (RuntimeException e) {
                endpoint.close();
                throw e;
            }
            return new ClusterConnection(new RestClusterClient(endpoint.uri(), headers, requestTimeout), () -> {
                try {
                    endpoint.close();
                } finally {
                    client.close();
                }
            });
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The user's own credentials when given, else the token in the cluster's Secret. */
    private static Map<String, String> headers(Configuration config, String environmentHeaders,
            SessionObjects cluster) {
        return userGaveCredentials(config, environmentHeaders)
                ? RestRequestHeaders.from(environmentHeaders, config.get(RestOptions.AUTHENTICATION_TOKEN))
                : RestRequestHeaders.from(null, cluster.restToken().orElse(null));
    }

    private static boolean userGaveCredentials(Configuration config, String environmentHeaders) {
        return config.getOptional(RestOptions.AUTHENTICATION_TOKEN).isPresent()
                || environmentHeaders != null && !environmentHeaders.isBlank();
    }}
