package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretOptionsTest {

    @Test
    void readsTheSeedsSecretMounts() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.secrets", "foo:/opt/foo,bar:/opt/bar"));

        assertEquals(List.of(new SecretMount("foo", "/opt/foo"), new SecretMount("bar", "/opt/bar")),
                SecretMount.fromConfig(config));
    }

    @Test
    void refusesARelativeMountPath() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.secrets", "foo:opt/foo"));

        IllegalConfigurationException error =
                assertThrows(IllegalConfigurationException.class, () -> SecretMount.fromConfig(config));
        assertEquals("kubernetes.secrets: mount path 'opt/foo' of secret 'foo' must be absolute", error.getMessage());
    }

    @Test
    void readsSecretKeyRefsSeparatedBySemicolons() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.env.secretKeyRef",
                "env:FOO_ENV,secret:foo-secret,key:foo_key;env:BAR,secret:bar,key:k"));

        assertEquals(List.of(new SecretEnvVar("FOO_ENV", "foo-secret", "foo_key"), new SecretEnvVar("BAR", "bar", "k")),
                SecretEnvVar.fromConfig(config));
    }

    @Test
    void refusesTheSeedsUnderscoreSecretNameSayingWhy() {
        Configuration config = Configuration.fromMap(
                Map.of("kubernetes.env.secretKeyRef", "env:FOO_ENV,secret:foo_secret,key:foo_key"));

        IllegalConfigurationException error =
                assertThrows(IllegalConfigurationException.class, () -> SecretEnvVar.fromConfig(config));

        assertTrue(error.getMessage().startsWith("kubernetes.env.secretKeyRef: secret name 'foo_secret' is not a "
                + "DNS-1123 subdomain"), error.getMessage());
        assertTrue(error.getMessage().contains("'foo-secret'"), error.getMessage());
        assertTrue(!error.getMessage().contains("\n"));
    }

    @Test
    void refusesAnInvalidSecretToMount() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.secrets", "Foo:/opt/foo"));

        IllegalConfigurationException error =
                assertThrows(IllegalConfigurationException.class, () -> SecretMount.fromConfig(config));
        assertTrue(error.getMessage().startsWith("kubernetes.secrets: secret name 'Foo' is not a DNS-1123"),
                error.getMessage());
    }

    @Test
    void refusesASecretKeyRefWithoutAllThreeFields() {
        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> SecretEnvVar.parse("env:FOO,secret:foo"));
        assertTrue(error.getMessage().contains("must have exactly env, secret and key"), error.getMessage());
        assertThrows(IllegalConfigurationException.class, () -> SecretEnvVar.parse("env:1FOO,secret:foo,key:k"));
    }
}
