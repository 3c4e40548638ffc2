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

    private KubernetesSessionEntrypoint() {
    }

    public static void main(String[] args) throws InterruptedException {
        JobManagerServices services = JobManagerServices.startedOrExit(() -> {
            Configuration config = load(args);
            return start(config, KubernetesClientFactory.create(config));
        });
        StandaloneSessionEntrypoint.awaitTermination(services);
    }

    /** The JobManager services with the Kubernetes driver, reachable at the pod's IP. */
    static JobManagerServices start(Configuration config, KubernetesClient client) {
        return JobManagerServices.start(config, advertisedHost(config, System.getenv()),
                new KubernetesResourceManagerDriver(config, client, Clock.systemUTC()));
    }

    /** The configuration from {@code flink-conf.yaml}, the pod's secrets and the {@code -D} arguments. */
    static Configuration load(String[] args) {
        return ConfigurationLoader.loadFromEnvironment(ConfigurationLoader.parseDynamicProperties(Arrays.asList(args)));
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
