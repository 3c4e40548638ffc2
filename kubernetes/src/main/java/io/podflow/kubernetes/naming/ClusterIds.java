package io.podflow.kubernetes.naming;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.KubernetesConfigOptions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Reads, checks and, when none is given, generates the cluster id every object name is built from. */
public final class ClusterIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 8;

    private ClusterIds() {
    }

    /**
     * The configured cluster id, or a new random one stored into {@code config} so every later reader sees it.
     *
     * @throws IllegalConfigurationException with one line saying why a configured id is not valid
     */
    public static String resolve(Configuration config) {
        String configured = config.get(KubernetesConfigOptions.CLUSTER_ID);
        if (configured == null || configured.isBlank()) {
            String generated = generate();
            config.set(KubernetesConfigOptions.CLUSTER_ID, generated);
            return generated;
        }
        return validate(configured.trim());
    }

    /** Returns {@code clusterId} when valid, else throws a one-line explanation. */
    public static String validate(String clusterId) {
        KubernetesNameRules.clusterIdProblem(clusterId).ifPresent(problem -> {
            throw new IllegalConfigurationException(KubernetesConfigOptions.CLUSTER_ID.key() + ": '" + clusterId
                    + "' " + problem);
        });
        return clusterId;
    }

    /** A fresh id such as {@code podflow-3f9a0c1de2b47a65}: a valid DNS-1035 label well under the length limit. */
    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return "podflow-" + HexFormat.of().formatHex(bytes);
    }
}
