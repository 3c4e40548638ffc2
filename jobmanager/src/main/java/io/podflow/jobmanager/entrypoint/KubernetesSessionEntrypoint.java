package io.podflow.jobmanager.entrypoint;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.jobmanager.resourcemanager.kubernetes.KubernetesResourceManagerDriver;
import io.podflow.kubernetes.client.KubernetesClientFactory;
import io.podflow.rpc.RpcOptions;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * The JobManager of a native Kubernetes session, run in the pod {@code kubernetes-session.sh} deploys: its
 * TaskManagers are pods the {@link KubernetesResourceManagerDriver} creates. The pod passes the cluster secret and
 * REST token as environment variables and its own IP as {@code POD_IP}, which is the address TaskManagers reach.
 */
public final class KubernetesSessionEntrypoint {

    /** Environment variables that fill an option when the configuration leaves it unset. */
    private static final Map<String, String> OPTIONS_FROM_ENV = Map.of(
            "PODFLOW_CLUSTER_SECRET", "cluster.secret",
            "PODFLOW_REST_AUTHENTICATION_TOKEN", "rest.authentication.token");

    private KubernetesSessionEntrypoint() {
    }

    public static void main(String[] args) throws InterruptedException {
        JobManagerServices services = JobManagerServices.startedOrExit(() -> {
            Configuration config = load(args, System.getenv());
            return start(config, KubernetesClientFactory.create(config));
        });
        StandaloneSessionEntrypoint.awaitTermination(services);
    }

    /** The JobManager services with the Kubernetes driver, reachable at the pod's IP. */
    static JobManagerServices start(Configuration config, KubernetesClient client) {
        return JobManagerServices.start(config, advertisedHost(config, System.getenv()),
                new KubernetesResourceManagerDriver(config, client, Clock.systemUTC()));
    }

    /** The configuration from {@code flink-conf.yaml}, the {@code -D} arguments and the pod's secrets. */
    static Configuration load(String[] args, Map<String, String> env) {
        Configuration config = ConfigurationLoader.loadFromEnvironment(
                ConfigurationLoader.parseDynamicProperties(Arrays.asList(args)));
        fillFromEnvironment(config, env);
        return config;
    }

    /** Sets the cluster secret and REST token from the pod's environment where the configuration has none. */
    static void fillFromEnvironment(Configuration config, Map<String, String> env) {
        OPTIONS_FROM_ENV.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isEmpty() && config.getString(key, null) == null) {
                config.setString(key, value);
            }
        });
    }

    static String advertisedHost(Configuration config, Map<String, String> env) {
        String podIp = env.get("POD_IP");
        if (podIp != null && !podIp.isBlank()) {
            return podIp;
        }
        return config.getOptional(RpcOptions.JOBMANAGER_ADDRESS).orElseThrow(() -> new IllegalStateException(
                "Neither the POD_IP environment variable nor jobmanager.rpc.address says which address "
                        + "TaskManagers reach this JobManager at"));
    }
}
