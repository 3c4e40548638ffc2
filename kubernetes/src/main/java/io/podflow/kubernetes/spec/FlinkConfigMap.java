package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.podflow.common.config.ConfigurationLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The ConfigMap {@code flink-config-<id>}: {@code flink-conf.yaml} plus the logging configuration files. */
public final class FlinkConfigMap {

    private FlinkConfigMap() {
    }

    public static ConfigMap build(String name, String namespace, Map<String, String> labels, String flinkConfYaml,
            Map<String, String> loggingFiles) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ConfigurationLoader.CONFIG_FILE_NAME, flinkConfYaml);
        data.putAll(loggingFiles);
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withData(data).build();
    }

    /** The {@code log4j*} files of the client's configuration directory, by file name. */
    public static Map<String, String> loggingFilesIn(Path confDir) {
        if (!Files.isDirectory(confDir)) {
            return Map.of();
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(confDir)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith("log4j")) {
                    files.put(fileName, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the logging configuration in " + confDir, e);
        }
        return files;
    }
}
