package io.podflow.kubernetes.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.KubernetesConfigOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a Kubernetes client from {@code kubernetes.config.file}, else {@code KUBECONFIG}, else
 * {@code ~/.kube/config}, else the in-cluster service account, in the namespace {@code kubernetes.namespace}.
 * Every request it sends is counted and logged at DEBUG by {@link ApiRequestCounter}.
 */
public final class KubernetesClientFactory {

    /** Few quick retries: a user waiting at the CLI should hear about an unreachable server within a second. */
    private static final int REQUEST_RETRIES = 3;

    private KubernetesClientFactory() {
    }

    public static KubernetesClient create(Configuration config) {
        return create(config, new ApiRequestCounter());
    }

    static KubernetesClient create(Configuration config, ApiRequestCounter requests) {
        Config clientConfig = clientConfig(config);
        clientConfig.setNamespace(config.get(KubernetesConfigOptions.NAMESPACE));
        clientConfig.setRequestRetryBackoffLimit(REQUEST_RETRIES);
        return new KubernetesClientBuilder().withConfig(clientConfig)
                .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("podflow-request-counter", requests))
                .build();
    }

    /**
     * Asks the API server for its version.
     *
     * @throws KubernetesApiException with one line naming the server when it cannot be reached
     */
    public static void checkReachable(KubernetesClient client) {
        try {
            client.getKubernetesVersion();
        } catch (KubernetesClientException e) {
            if (e.getCode() > 0) {
                throw KubernetesApiException.from(e, new ApiCall("get", "version", "(cluster)", "(this client's user)"));
            }
            throw KubernetesApiException.unreachable(client.getConfiguration().getMasterUrl(), e);
        }
    }

    static Config clientConfig(Configuration config) {
        String context = config.get(KubernetesConfigOptions.KUBE_CONTEXT);
        String file = config.get(KubernetesConfigOptions.KUBE_CONFIG_FILE);
        if (file == null || file.isBlank()) {
            return Config.autoConfigure(context);
        }
        Path path = Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalConfigurationException(KubernetesConfigOptions.KUBE_CONFIG_FILE.key() + ": '" + file
                    + "' is not a file");
        }
        try {
            return Config.fromKubeconfig(context, path.toFile());
        } catch (KubernetesClientException e) {
            throw new IllegalConfigurationException(KubernetesConfigOptions.KUBE_CONFIG_FILE.key() + ": cannot read '"
                    + file + "': " + e.getMessage(), e);
        }
    }
}
