package io.podflow.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a process's configuration: {@code flink-conf.yaml} from the configuration directory, then {@code -D}
 * properties, which win. A JobManager or TaskManager process also takes its secrets from the environment (see
 * {@link #SECRETS_FROM_ENV}).
 */
public final class ConfigurationLoader {

    public static final String CONFIG_FILE_NAME = "flink-conf.yaml";
    public static final String ENV_CONF_DIR = "FLINK_CONF_DIR";
    public static final String ENV_HOME = "FLINK_HOME";

    /** The environment variable a pod passes the cluster secret in (see {@link #SECRETS_FROM_ENV}). */
    public static final String CLUSTER_SECRET_ENV = "PODFLOW_CLUSTER_SECRET";
    /** The environment variable a pod passes the REST token in (see {@link #SECRETS_FROM_ENV}). */
    public static final String REST_TOKEN_ENV = "PODFLOW_REST_AUTHENTICATION_TOKEN";

    /**
     * Environment variables that set a secret option, above the file and below {@code -D}: a pod takes them from a
     * Kubernetes Secret, and unlike a {@code -D} argument they are not shown to every user of the host by {@code ps}.
     */
    private static final Map<String, String> SECRETS_FROM_ENV = Map.of(
            CLUSTER_SECRET_ENV, "cluster.secret",
            REST_TOKEN_ENV, RestOptions.AUTHENTICATION_TOKEN.key());

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationLoader.class);

    private ConfigurationLoader() {
    }

    /**
     * Reads {@code confDir/flink-conf.yaml} (a missing file is a warning, a missing directory an error), applies the
     * dynamic properties over it, and warns once about each deprecated or unknown key.
     */
    public static Configuration load(Path confDir, Map<String, String> dynamicProperties) {
        return load(confDir, dynamicProperties, OptionRegistry.fromClasspath(), LOG::warn);
    }

    /** Like {@link #load(Path, Map)} but hands each warning to {@code warnings}, e.g. to show it to a CLI user. */
    public static Configuration load(Path confDir, Map<String, String> dynamicProperties, Consumer<String> warnings) {
        return load(confDir, dynamicProperties, OptionRegistry.fromClasspath(), warnings);
    }

    /**
     * A JobManager's or TaskManager's configuration: like {@link #load(Path, Map)} with the directory from
     * {@code FLINK_CONF_DIR}, else {@code $FLINK_HOME/conf}, else {@code ./conf}, and the secrets in
     * {@link #SECRETS_FROM_ENV} from the environment where no {@code -D} property sets them.
     */
    public static Configuration loadFromEnvironment(Map<String, String> dynamicProperties) {
        Map<String, String> environment = System.getenv();
        return load(confDirFrom(environment), withSecretsFrom(environment, dynamicProperties));
    }

    /** Like {@link #loadFromEnvironment(Map)} but hands each warning to {@code warnings}. */
    public static Configuration loadFromEnvironment(Map<String, String> dynamicProperties,
            Consumer<String> warnings) {
        return load(confDirFrom(System.getenv()), dynamicProperties, warnings);
    }

    /**
     * Collects {@code -Dkey=value} and {@code -D key=value} from command-line arguments; other arguments are left
     * to the caller. A later property overrides an earlier one. Pass only podflow's own arguments, not those after
     * a job jar, which belong to the job.
     */
    public static Map<String, String> parseDynamicProperties(List<String> args) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-D")) {
                continue;
            }
            String property = arg.substring(2);
            if (property.isEmpty()) {
                if (i + 1 == args.size()) {
                    throw new IllegalConfigurationException(
                            "'-D' at the end of the arguments needs a key=value after it");
                }
                property = args.get(++i);
            }
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new IllegalConfigurationException(
                        "Dynamic property '" + property + "' is not of the form -Dkey=value");
            }
            properties.put(property.substring(0, equals).strip(), property.substring(equals + 1).strip());
        }
        return properties;
    }

    static Configuration load(Path confDir, Map<String, String> dynamicProperties, OptionRegistry registry,
            Consumer<String> warnings) {
        if (!Files.isDirectory(confDir)) {
            throw new IllegalConfigurationException("Configuration directory '" + confDir.toAbsolutePath()
                    + "' does not exist; set " + ENV_CONF_DIR + " to the directory that holds " + CONFIG_FILE_NAME);
        }
        Configuration configuration = new Configuration();
        Path file = confDir.resolve(CONFIG_FILE_NAME);
        if (Files.isRegularFile(file)) {
            new FlatYamlParser(file.toString(), warnings).parse(readLines(file)).forEach(configuration::setString);
        } else {
            warnings.accept("No " + CONFIG_FILE_NAME + " in '" + confDir.toAbsolutePath()
                    + "'; using defaults and -D properties only");
        }
        dynamicProperties.forEach(configuration::setString);
        new KeyAudit(registry).audit(configuration.toMap().keySet(), warnings);
        return configuration;
    }

    /** The dynamic properties with, under them, each secret a non-empty environment variable gives. */
    static Map<String, String> withSecretsFrom(Map<String, String> environment, Map<String, String> dynamicProperties) {
        Map<String, String> properties = new LinkedHashMap<>();
        SECRETS_FROM_ENV.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                properties.put(key, value);
            }
        });
        properties.putAll(dynamicProperties);
        return properties;
    }

    static Path confDirFrom(Map<String, String> environment) {
        String confDir = environment.get(ENV_CONF_DIR);
        if (confDir != null && !confDir.isBlank()) {
            return Path.of(confDir);
        }
        String home = environment.get(ENV_HOME);
        if (home != null && !home.isBlank()) {
            return Path.of(home, "conf");
        }
        return Path.of("conf");
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
