package io.podflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {

    private static final OptionRegistry REGISTRY = OptionRegistry.of(List.of(CoreOptions.class,
            JobManagerOptions.class, TaskManagerOptions.class, BlobServerOptions.class, ContainerEnvOptions.class,
            StandInRpcOptions.class));

    private final List<String> warnings = new ArrayList<>();

    @TempDir
    Path confDir;

    @Test
    void loadsTheSeedConfigMapFileAsIs() throws URISyntaxException {
        Path seedDir = Path.of(getClass().getResource("/seed-conf/flink-conf.yaml").toURI()).getParent();
        Configuration configuration = ConfigurationLoader.load(seedDir, Map.of(), REGISTRY, warnings::add);

        assertEquals("flink-jobmanager", configuration.get(StandInRpcOptions.ADDRESS));
        assertEquals(1, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
        assertEquals(6124, configuration.get(BlobServerOptions.PORT));
        assertEquals(6123, configuration.get(StandInRpcOptions.JOBMANAGER_PORT));
        assertEquals(6122, configuration.get(StandInRpcOptions.TASKMANAGER_PORT));
        assertEquals(MemorySize.ofMebiBytes(1024), configuration.get(JobManagerOptions.HEAP_MEMORY));
        assertEquals(MemorySize.ofMebiBytes(1024), configuration.get(TaskManagerOptions.PROCESS_MEMORY));
        assertEquals(List.of("Configuration key 'jobmanager.heap.size' is deprecated, use "
                + "'jobmanager.memory.heap.size'"), warnings);
    }

    @Test
    void mapsFlinksLegacyHeapKeysToTheCurrentOptionsWithOneWarningEach() throws IOException {
        writeConf("jobmanager.heap.mb: 768", "taskmanager.heap.size: 2g", "taskmanager.heap.mb: 4096");
        Configuration configuration = ConfigurationLoader.load(confDir, Map.of("jobmanager.heap.mb", "512"),
                REGISTRY, warnings::add);

        assertEquals(MemorySize.ofMebiBytes(512), configuration.get(JobManagerOptions.HEAP_MEMORY));
        // Flink reads the .size form before the .mb form
        assertEquals(MemorySize.ofMebiBytes(2048), configuration.get(TaskManagerOptions.PROCESS_MEMORY));
        assertEquals(List.of(
                "Configuration key 'jobmanager.heap.mb' is deprecated, use 'jobmanager.memory.heap.size'",
                "Configuration key 'taskmanager.heap.size' is deprecated, use 'taskmanager.memory.process.size'",
                "Configuration key 'taskmanager.heap.mb' is deprecated, use 'taskmanager.memory.process.size'"),
                warnings);
    }

    @Test
    void aLegacyMebibyteKeyTakesOnlyAWholeNumber() throws IOException {
        writeConf("taskmanager.heap.mb: 1g");
        Configuration configuration = ConfigurationLoader.load(confDir, Map.of(), REGISTRY, warnings::add);

        assertEquals("taskmanager.heap.mb: '1g' is not a whole number of mebibytes (example: 1024)",
                assertThrows(IllegalConfigurationException.class,
                        () -> configuration.get(TaskManagerOptions.PROCESS_MEMORY)).getMessage());
    }

    @Test
    void dynamicPropertiesWinOverTheFile() throws IOException {
        writeConf("taskmanager.numberOfTaskSlots: 2", "parallelism.default: 3");
        Configuration configuration = ConfigurationLoader.load(confDir,
                Map.of("taskmanager.numberOfTaskSlots", "8"), REGISTRY, warnings::add);
        assertEquals(8, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
        assertEquals(3, configuration.get(CoreOptions.DEFAULT_PARALLELISM));
    }

    @Test
    void secretsFromTheEnvironmentWinOverTheFileButNotOverDynamicProperties() throws IOException {
        writeConf("cluster.secret: from-file", "rest.authentication.token: from-file");
        Map<String, String> environment = Map.of("PODFLOW_CLUSTER_SECRET", "from-env",
                "PODFLOW_REST_AUTHENTICATION_TOKEN", "token-from-env", "UNRELATED", "x");

        Configuration configuration = ConfigurationLoader.load(confDir, ConfigurationLoader.withSecretsFrom(
                environment, Map.of("rest.authentication.token", "from-command-line")), REGISTRY, warnings::add);

        assertEquals("from-env", configuration.getString("cluster.secret", null));
        assertEquals("from-command-line", configuration.getString("rest.authentication.token", null));
    }

    @Test
    void anEmptySecretVariableLeavesTheFileValue() throws IOException {
        writeConf("cluster.secret: from-file");

        Configuration configuration = ConfigurationLoader.load(confDir, ConfigurationLoader.withSecretsFrom(
                Map.of("PODFLOW_CLUSTER_SECRET", ""), Map.of()), REGISTRY, warnings::add);

        assertEquals("from-file", configuration.getString("cluster.secret", null));
    }

    @Test
    void aMissingFileIsAWarningAndAMissingDirectoryAnError() {
        Configuration configuration = ConfigurationLoader.load(confDir, Map.of("parallelism.default", "2"),
                REGISTRY, warnings::add);
        assertEquals(2, configuration.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(List.of("No flink-conf.yaml in '" + confDir.toAbsolutePath()
                + "'; using defaults and -D properties only"), warnings);

        Path missing = confDir.resolve("nope");
        assertEquals("Configuration directory '" + missing.toAbsolutePath() + "' does not exist; set FLINK_CONF_DIR "
                + "to the directory that holds flink-conf.yaml", assertThrows(IllegalConfigurationException.class,
                        () -> ConfigurationLoader.load(missing, Map.of(), REGISTRY, warnings::add)).getMessage());
    }

    @Test
    void warnsOnceAboutAnUnknownKeyWithTheClosestKnownKey() throws IOException {
        writeConf("taskmanager.numberOfTaskSlot: 2", "containerized.master.env.FOO: bar", "totally.made.up: 1");
        ConfigurationLoader.load(confDir, Map.of(), REGISTRY, warnings::add);
        assertEquals(List.of(
                "Unknown configuration key 'taskmanager.numberOfTaskSlot' (did you mean "
                        + "'taskmanager.numberOfTaskSlots'?)",
                "Unknown configuration key 'totally.made.up'"), warnings);
    }

    @Test
    void findsTheConfDirFromTheEnvironment() {
        assertEquals(Path.of("/etc/podflow"), ConfigurationLoader.confDirFrom(
                Map.of("FLINK_CONF_DIR", "/etc/podflow", "FLINK_HOME", "/opt/flink")));
        assertEquals(Path.of("/opt/flink/conf"), ConfigurationLoader.confDirFrom(Map.of("FLINK_HOME", "/opt/flink")));
        assertEquals(Path.of("conf"), ConfigurationLoader.confDirFrom(Map.of("FLINK_CONF_DIR", " ")));
    }

    @Test
    void loadsFromTheDirectoryFlinkConfDirNames() throws IOException {
        writeConf("parallelism.default: 5");
        Configuration configuration = ConfigurationLoader.load(
                ConfigurationLoader.confDirFrom(Map.of("FLINK_CONF_DIR", confDir.toString())), Map.of(),
                REGISTRY, warnings::add);
        assertEquals(5, configuration.get(CoreOptions.DEFAULT_PARALLELISM));
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void parsesBothFormsOfDynamicProperties() {
        Map<String, String> properties = ConfigurationLoader.parseDynamicProperties(List.of(
                "run", "-Dkubernetes.cluster-id=my-first", "-D", "parallelism.default=2", "-t",
                "kubernetes-session", "-Dkubernetes.env.secretKeyRef=env:FOO_ENV,secret:foo_secret,key:foo_key",
                "-Dempty=", "-Dparallelism.default=4"));
        assertEquals(Map.of("kubernetes.cluster-id", "my-first", "parallelism.default", "4",
                "kubernetes.env.secretKeyRef", "env:FOO_ENV,secret:foo_secret,key:foo_key", "empty", ""),
                properties);
    }

    @Test
    void rejectsMalformedDynamicProperties() {
        assertEquals("Dynamic property 'parallelism.default' is not of the form -Dkey=value",
                assertThrows(IllegalConfigurationException.class, () -> ConfigurationLoader.parseDynamicProperties(
                        List.of("-Dparallelism.default"))).getMessage());
        assertEquals("'-D' at the end of the arguments needs a key=value after it",
                assertThrows(IllegalConfigurationException.class, () -> ConfigurationLoader.parseDynamicProperties(
                        List.of("-D"))).getMessage());
    }

    private void writeConf(String... lines) throws IOException {
        Files.write(confDir.resolve("flink-conf.yaml"), List.of(lines));
    }
}
