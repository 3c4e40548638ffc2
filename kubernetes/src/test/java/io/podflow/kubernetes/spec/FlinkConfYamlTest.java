package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkConfYamlTest {

    @Test
    void readsBackAsTheSameSettingsWithoutSecrets(@TempDir Path confDir) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("taskmanager.numberOfTaskSlots", "2");
        entries.put("kubernetes.jobmanager.labels", "team:data,tier:jm");
        entries.put("kubernetes.env.secretKeyRef", "env:A,secret:s,key:k;env:B,secret:t,key:k");
        entries.put("odd.value", "it's # not a comment: really");
        entries.put("cluster.secret", "s3cr3t");
        entries.put("rest.authentication.token", "t0k3n");
        entries.put("kubernetes.config.file", "/home/me/.kube/config");

        String yaml = FlinkConfYaml.render(Configuration.fromMap(entries));
        Files.writeString(confDir.resolve("flink-conf.yaml"), yaml);
        Map<String, String> readBack = ConfigurationLoader.load(confDir, Map.of(), warning -> { }).toMap();

        assertEquals(Map.of("taskmanager.numberOfTaskSlots", "2", "kubernetes.jobmanager.labels", "team:data,tier:jm",
                "kubernetes.env.secretKeyRef", "env:A,secret:s,key:k;env:B,secret:t,key:k",
                "odd.value", "it's # not a comment: really"), readBack);
        assertFalse(yaml.contains("s3cr3t"));
        assertFalse(yaml.contains("t0k3n"));
    }
}
