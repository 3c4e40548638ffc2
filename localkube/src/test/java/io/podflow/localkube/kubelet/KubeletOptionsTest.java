package io.podflow.localkube.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.localkube.kubelet.node.NodeCapacity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeletOptionsTest {

    private final Path defaultDist = Path.of("/repo/dist/target/podflow");

    @Test
    void contractFlagsAndEnvironment() {
        KubeletOptions options = KubeletOptions.parse(new String[] {"--kubeconfig", "/h/kubelet.kubeconfig",
            "--state-dir", "/h", "--nodes", "3", "--image-map=/h/images.yaml", "--node-memory", "2Gi"},
                Map.of("LOCALKUBE_APISERVER", "https://127.0.0.1:7443"), defaultDist);

        assertEquals(Path.of("/h/kubelet.kubeconfig"), options.kubeconfig());
        assertEquals(3, options.nodes());
        assertEquals(Optional.of(Path.of("/h/images.yaml")), options.imageMap());
        assertEquals(new NodeCapacity("8", "2Gi", "110"), options.capacity());
        assertEquals("127.0.0.1", options.apiServerHost());
        assertEquals(7443, options.apiServerPort());
        assertEquals(defaultDist, options.podflowDist());
        assertEquals(Duration.ofSeconds(10), options.restartBackoff());
    }

    @Test
    void distributionComesFromFlagThenEnvironment() {
        String[] base = {"--kubeconfig", "k", "--state-dir", "s"};
        assertEquals(Path.of("/env/dist"),
                KubeletOptions.parse(base, Map.of("PODFLOW_DIST", "/env/dist"), defaultDist).podflowDist());
        String[] withFlag = {"--kubeconfig", "k", "--state-dir", "s", "--podflow-dist", "/flag/dist"};
        assertEquals(Path.of("/flag/dist"),
                KubeletOptions.parse(withFlag, Map.of("PODFLOW_DIST", "/env/dist"), defaultDist).podflowDist());
    }

    @Test
    void missingOrUnknownFlagsAreNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KubeletOptions.parse(new String[] {"--kubeconfig", "k"}, Map.of(), defaultDist));
        assertTrue(missing.getMessage().contains("--state-dir"), missing.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> KubeletOptions.parse(new String[] {"--kubeconfig", "k", "--state-dir", "s", "--node", "2"},
                        Map.of(), defaultDist));
        assertTrue(unknown.getMessage().contains("--node"), unknown.getMessage());
    }
}
