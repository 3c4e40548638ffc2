package io.podflow.localkube.kubelet.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.podflow.localkube.kubelet.ContainerConfigException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyToPathFilesTest {

    private final Map<String, byte[]> data = new LinkedHashMap<>(Map.of(
            "flink-conf.yaml", bytes("jobmanager.rpc.port: 6123"),
            "log4j-console.properties", bytes("rootLogger.level = INFO")));

    @Test
    void withoutItemsEveryKeyBecomesAFileWithTheDefaultMode() {
        List<VolumeFile> files = KeyToPathFiles.files("configmap", data, List.of(), null, false);

        assertEquals(2, files.size());
        assertEquals(List.of(0644, 0644), files.stream().map(VolumeFile::mode).toList());
    }

    @Test
    void itemsSelectKeysAndPlaceThemAtTheirPathAndMode() {
        List<VolumeFile> files = KeyToPathFiles.files("configmap", data,
                List.of(new KeyToPath("flink-conf.yaml", 0600, "conf/flink-conf.yaml")), 0444, false);

        assertEquals(List.of(new VolumeFile("conf/flink-conf.yaml", bytes("jobmanager.rpc.port: 6123"), 0600)), files);
    }

    @Test
    void missingItemKeyFailsUnlessTheSourceIsOptional() {
        List<KeyToPath> items = List.of(new KeyToPath("absent", null, "absent.txt"));

        assertThrows(ContainerConfigException.class, () -> KeyToPathFiles.files("secret", data, items, null, false));
        assertEquals(List.of(), KeyToPathFiles.files("secret", data, items, null, true));
    }

    @Test
    void pathsThatLeaveTheVolumeAreRejected() {
        for (String path : List.of("../escape", "/etc/passwd", "a/../../b")) {
            List<KeyToPath> items = List.of(new KeyToPath("flink-conf.yaml", null, path));
            assertThrows(ContainerConfigException.class, () -> KeyToPathFiles.files("secret", data, items, null, false),
                    path);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
