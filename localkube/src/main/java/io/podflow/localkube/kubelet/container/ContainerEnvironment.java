package io.podflow.localkube.kubelet.container;

import io.podflow.localkube.kubelet.image.ImageRoot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A container process's environment as a container runtime assembles it: the runtime's defaults, the image's
 * env over them, and the env the kubelet declares for the container over both. Only the declared env takes part
 * in {@code $(VAR)} expansion, as in Kubernetes, where the kubelet never sees the image's env.
 */
public final class ContainerEnvironment {

    private ContainerEnvironment() {
    }

    public static Map<String, String> of(Optional<ImageRoot> image, Map<String, String> declared) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", ImageRoot.DEFAULT_PATH);
        env.put("HOME", "/root");
        image.ifPresent(root -> env.putAll(root.env()));
        env.putAll(declared);
        return env;
    }
}
