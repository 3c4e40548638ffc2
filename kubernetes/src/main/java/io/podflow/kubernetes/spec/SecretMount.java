package io.podflow.kubernetes.spec;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.naming.KubernetesNameRules;
import java.util.List;

/** One entry of {@code kubernetes.secrets}: every key of Secret {@code secretName} a file under {@code mountPath}. */
public record SecretMount(String secretName, String mountPath) {

    /** The entries of {@code kubernetes.secrets}, each checked; a bad one fails with one line saying why. */
    public static List<SecretMount> fromConfig(Configuration config) {
        String key = KubernetesConfigOptions.SECRETS.key();
        return config.get(KubernetesConfigOptions.SECRETS).entrySet().stream().map(entry -> {
            SecretNames.check(key, entry.getKey());
            if (!entry.getValue().startsWith("/")) {
                throw new IllegalConfigurationException(key + ": mount path '" + entry.getValue() + "' of secret '"
                        + entry.getKey() + "' must be absolute");
            }
            return new SecretMount(entry.getKey(), entry.getValue());
        }).toList();
    }

    /** Name of the pod volume that carries this secret. */
    public String volumeName() {
        String name = "secret-" + secretName.replace('.', '-');
        return KubernetesNameRules.fitsLabel(name) ? name : name.substring(0, 63).replaceAll("-+$", "");
    }
}
