package io.podflow.kubernetes.spec;

import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.naming.KubernetesNameRules;

/** Refuses secret names Kubernetes would refuse, before any object is created. */
final class SecretNames {

    private SecretNames() {
    }

    static void check(String optionKey, String secretName) {
        KubernetesNameRules.objectNameProblem(secretName).ifPresent(problem -> {
            throw new IllegalConfigurationException(optionKey + ": secret name '" + secretName + "' " + problem);
        });
    }
}
