package io.podflow.kubernetes.spec;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.OptionType;
import io.podflow.kubernetes.KubernetesConfigOptions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One entry of {@code kubernetes.env.secretKeyRef}: variable {@code envName} set from {@code key} of a Secret. */
public record SecretEnvVar(String envName, String secretName, String key) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The entries of {@code kubernetes.env.secretKeyRef}, each checked; a bad one fails with one line. */
    public static List<SecretEnvVar> fromConfig(Configuration config) {
        return config.get(KubernetesConfigOptions.ENV_SECRET_KEY_REF).stream().map(SecretEnvVar::parse).toList();
    }

    static SecretEnvVar parse(String entry) {
        String option = KubernetesConfigOptions.ENV_SECRET_KEY_REF.key();
        Map<String, String> fields;
        try {
            fields = OptionType.MAP.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException(option + ": " + e.getMessage(), e);
        }
        String envName = fields.get("env");
        String secretName = fields.get("secret");
        String key = fields.get("key");
        if (envName == null || secretName == null || key == null || fields.size() != 3) {
            throw new IllegalConfigurationException(option + ": '" + entry
                    + "' must have exactly env, secret and key, as in 'env:FOO_ENV,secret:foo-secret,key:foo_key'");
        }
        if (!ENV_NAME.matcher(envName).matches()) {
            throw new IllegalConfigurationException(option + ": '" + envName
                    + "' is not an environment variable name (letters, digits and '_', not starting with a digit)");
        }
        SecretNames.check(option, secretName);
        return new SecretEnvVar(envName, secretName, key);
    }
}
