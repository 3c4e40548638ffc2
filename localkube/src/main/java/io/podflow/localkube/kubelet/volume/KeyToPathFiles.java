package io.podflow.localkube.kubelet.volume;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.podflow.localkube.kubelet.ContainerConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the keys of a ConfigMap or Secret into volume files: every key as a file of that name, or
 * with {@code items} only the listed keys at their given paths and modes.
 */
public final class KeyToPathFiles {

    /** Kubernetes' default file mode for configMap, secret and projected volumes (0644). */
    public static final int DEFAULT_MODE = 0644;

    private KeyToPathFiles() {
    }

    public static List<VolumeFile> files(String source, Map<String, byte[]> data, List<KeyToPath> items,
            Integer defaultMode, boolean optional) {
        int mode = defaultMode == null ? DEFAULT_MODE : defaultMode;
        List<VolumeFile> files = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            data.forEach((key, content) -> files.add(new VolumeFile(checkedPath(key), content, mode)));
            return files;
        }
        for (KeyToPath item : items) {
            byte[] content = data.get(item.getKey());
            if (content == null) {
                if (optional) {
                    continue;
                }
                throw new ContainerConfigException(source + " has no key \"" + item.getKey() + "\"");
            }
            int itemMode = item.getMode() == null ? mode : item.getMode();
            files.add(new VolumeFile(checkedPath(item.getPath()), content, itemMode));
        }
        return files;
    }

    static String checkedPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || List.of(path.split("/")).contains("..")) {
            throw new ContainerConfigException("volume item path \"" + path + "\" must be relative without '..'");
        }
        return path;
    }
}
