package io.podflow.localkube.kubelet.container;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.localkube.kubelet.image.ImageOwner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerInitScriptTest {

    private final ContainerCommand command = new ContainerCommand(List.of("sleep", "1"), "/opt/flink", Optional.empty());
    private final MountSpec conf = new MountSpec(Path.of("/pods/ns_p/volumes/conf"), "/opt/flink/conf", false);

    @Test
    void theImageLayerIsAnOverlayMountedEmptiedAndGivenToItsOwnerBeforeTheVolumesBelowIt() {
        ImageLayer layer = new ImageLayer(Path.of("/dist"), "/opt/flink", Path.of("/pods/ns_p/layers/main"),
                Optional.of(new ImageOwner(9999, 9999)), List.of("log"));

        String script = render(List.of(layer, conf));

        int overlay = script.indexOf("image_layer '/dist' '/opt/flink' '/pods/ns_p/layers/main'\n");
        int emptied = script.indexOf("/usr/bin/rm -rf '/opt/flink/log' && /bin/mkdir -p '/opt/flink/log'\n");
        int chown = script.indexOf("/usr/bin/find '/opt/flink' -xdev -type d -exec /usr/bin/chown 9999:9999 {} +\n");
        int volume = script.indexOf("bind '/pods/ns_p/volumes/conf' '/opt/flink/conf' dir\n");
        assertTrue(overlay >= 0 && overlay < emptied && emptied < chown && chown < volume, script);
        assertTrue(script.contains("\"lowerdir=$1,upperdir=$3/upper,workdir=$3/work\""), script);
    }

    @Test
    void anImageWithoutOwnerKeepsRootAsOwner() {
        ImageLayer layer = new ImageLayer(Path.of("/srv/app"), "/opt/app", Path.of("/pods/ns_p/layers/main"),
                Optional.empty(), List.of());

        String script = render(List.of(layer));

        assertTrue(script.contains("image_layer '/srv/app' '/opt/app' '/pods/ns_p/layers/main'\n"), script);
        assertFalse(script.contains("chown"), script);
        assertFalse(script.contains("rm -rf"), script);
    }

    private String render(List<ContainerMount> mounts) {
        return ContainerInitScript.render("test", Path.of("/scratch"), mounts,
                mounts.stream().map(mount -> false).toList(), "p", command);
    }
}
