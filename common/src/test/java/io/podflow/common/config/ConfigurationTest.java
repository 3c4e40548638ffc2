package io.podflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private static final ConfigOption<Integer> SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType().defaultValue(1).withValidator(slots -> slots >= 1, "at least 1");
    private static final ConfigOption<Duration> ASK_TIMEOUT = ConfigOptions.key("rpc.ask.timeout")
            .durationType().defaultValue(Duration.ofSeconds(10));
    private static final ConfigOption<MemorySize> HEAP = ConfigOptions.key("jobmanager.memory.heap.size")
            .memoryType().noDefaultValue().withDeprecatedKeys("jobmanager.heap.size")
            .withDeprecatedKey("jobmanager.heap.mb", MemorySize::mebiBytesAsText);
    private static final ConfigOption<Duration> REGISTRATION_TIMEOUT = ConfigOptions.key("registration.timeout")
            .durationType().defaultValue(Duration.ofMinutes(5)).withFallbackKeys("rpc.ask.timeout");
    private static final ConfigOption<List<String>> PLUGINS = ConfigOptions.key("plugins")
            .listType().defaultValue(List.of());
    private static final ConfigOption<Map<String, String>> LABELS = ConfigOptions.key("kubernetes.jobmanager.labels")
            .mapType().noDefaultValue();

    @Test
    void returnsTheDefaultWhenNothingIsSet() {
        Configuration configuration = new Configuration();
        assertEquals(1, configuration.get(SLOTS));
        assertEquals(Optional.empty(), configuration.getOptional(SLOTS));
        assertFalse(configuration.contains(SLOTS));
        assertNull(configuration.get(HEAP));
    }

    @Test
    void readsTypedValuesFromText() {
        Configuration configuration = Configuration.fromMap(Map.of(
                "taskmanager.numberOfTaskSlots", "4",
                "rpc.ask.timeout", "30 s",
                "plugins", "a;b",
                "kubernetes.jobmanager.labels", "app:flink,tier:jm"));
        assertEquals(4, configuration.get(SLOTS));
        assertEquals(Duration.ofSeconds(30), configuration.get(ASK_TIMEOUT));
        assertEquals(List.of("a", "b"), configuration.get(PLUGINS));
        assertEquals(Map.of("app", "flink", "tier", "jm"), configuration.get(LABELS));
    }

    @Test
    void aBadValueFailsWithOneLineNamingKeyValueAndForm() {
        Configuration configuration = new Configuration()
                .setString("taskmanager.numberOfTaskSlots", "four")
                .setString("rpc.ask.timeout", "4 parsecs");
        assertEquals("taskmanager.numberOfTaskSlots: 'four' is not an integer",
                assertThrows(IllegalConfigurationException.class, () -> configuration.get(SLOTS)).getMessage());
        assertEquals("rpc.ask.timeout: '4 parsecs' is not a duration (examples: 30 s, 5 min, 100 ms, 3600000)",
                assertThrows(IllegalConfigurationException.class, () -> configuration.get(ASK_TIMEOUT)).getMessage());
    }

    @Test
    void theValidatorRejectsValuesItDoesNotAccept() {
        Configuration configuration = new Configuration().setString("taskmanager.numberOfTaskSlots", "0");
        assertEquals("taskmanager.numberOfTaskSlots: '0' is not allowed (must be at least 1)",
                assertThrows(IllegalConfigurationException.class, () -> configuration.get(SLOTS)).getMessage());
        assertEquals("taskmanager.numberOfTaskSlots: '-2' is not allowed (must be at least 1)",
                assertThrows(IllegalConfigurationException.class, () -> new Configuration().set(SLOTS, -2))
                        .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConfigOptions.key("x").intType().defaultValue(0).withValidator(v -> v > 0, "positive"));
    }

    @Test
    void setStoresTheTextFormThatGetReadsBack() {
        Configuration configuration = new Configuration()
                .set(ASK_TIMEOUT, Duration.ofMinutes(5))
                .set(HEAP, MemorySize.ofMebiBytes(4096))
                .set(PLUGINS, List.of("x", "y"))
                .set(LABELS, Map.of("app", "flink"));
        assertEquals(Map.of("rpc.ask.timeout", "5 min", "jobmanager.memory.heap.size", "4g",
                "plugins", "x;y", "kubernetes.jobmanager.labels", "app:flink"), configuration.toMap());
        assertEquals(Duration.ofMinutes(5), configuration.get(ASK_TIMEOUT));
        assertEquals(MemorySize.ofMebiBytes(4096), configuration.get(HEAP));
    }

    @Test
    void readsDeprecatedKeysWhenTheKeyIsUnsetAndPrefersTheKey() {
        Configuration configuration = new Configuration().setString("jobmanager.heap.size", "1024m");
        assertTrue(configuration.contains(HEAP));
        assertEquals(MemorySize.ofMebiBytes(1024), configuration.get(HEAP));
        configuration.setString("jobmanager.memory.heap.size", "2g");
        assertEquals(MemorySize.ofMebiBytes(2048), configuration.get(HEAP));
    }

    @Test
    void rewritesADeprecatedKeysValueIntoTheOptionsFormAndLooksItUpLast() {
        Configuration configuration = new Configuration().setString("jobmanager.heap.mb", "1536");
        assertEquals(MemorySize.ofMebiBytes(1536), configuration.get(HEAP));
        configuration.setString("jobmanager.heap.size", "1g");
        assertEquals(MemorySize.ofMebiBytes(1024), configuration.get(HEAP));
        assertEquals(List.of("jobmanager.heap.size", "jobmanager.heap.mb"), HEAP.deprecatedKeys());
    }

    @Test
    void aBadDeprecatedValueIsReportedUnderTheKeyTheUserWrote() {
        Configuration configuration = new Configuration().setString("jobmanager.heap.size", "lots");
        assertEquals("jobmanager.heap.size: 'lots' is not a memory size (examples: 4096m, 1g, 512 kb, 1048576)",
                assertThrows(IllegalConfigurationException.class, () -> configuration.get(HEAP)).getMessage());
    }

    @Test
    void readsFallbackKeysAfterTheKeyAndBeforeTheDefault() {
        Configuration configuration = new Configuration();
        assertEquals(Duration.ofMinutes(5), configuration.get(REGISTRATION_TIMEOUT));
        configuration.setString("rpc.ask.timeout", "20 s");
        assertEquals(Duration.ofSeconds(20), configuration.get(REGISTRATION_TIMEOUT));
        assertEquals(Optional.of(Duration.ofSeconds(20)), configuration.getOptional(REGISTRATION_TIMEOUT));
        configuration.setString("registration.timeout", "1 min");
        assertEquals(Duration.ofMinutes(1), configuration.get(REGISTRATION_TIMEOUT));
    }

    @Test
    void getPrefixedStripsThePrefix() {
        Configuration configuration = new Configuration()
                .setString("containerized.master.env.ENABLE_BUILT_IN_PLUGINS", "flink-s3-fs-hadoop.jar")
                .setString("containerized.master.env.JAVA_HOME", "/opt/java")
                .setString("containerized.taskmanager.env.OTHER", "tm only")
                .setString("containerized.master.env.", "no name");
        assertEquals(Map.of("ENABLE_BUILT_IN_PLUGINS", "flink-s3-fs-hadoop.jar", "JAVA_HOME", "/opt/java"),
                configuration.getPrefixed("containerized.master.env."));
        assertEquals(Map.of("OTHER", "tm only"), configuration.getPrefixed(ContainerEnvOptions.TASKMANAGER_ENV));
    }

    @Test
    void copiesAreIndependent() {
        Configuration original = new Configuration().set(SLOTS, 2);
        Configuration copy = original.copy();
        copy.set(SLOTS, 3);
        assertEquals(2, original.get(SLOTS));
        assertEquals(3, new Configuration(copy).get(SLOTS));
        assertEquals("fallback", original.getString("missing", "fallback"));
        assertEquals("2", original.getString("taskmanager.numberOfTaskSlots", "fallback"));
    }

    @Test
    void toStringDoesNotShowValues() {
        Configuration configuration = new Configuration().setString("cluster.secret", "hunter2");
        assertFalse(configuration.toString().contains("hunter2"));
        assertTrue(configuration.toString().contains("cluster.secret"));
    }
}
