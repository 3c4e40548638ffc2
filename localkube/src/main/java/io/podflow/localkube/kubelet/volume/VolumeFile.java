package io.podflow.localkube.kubelet.volume;

import java.util.Arrays;

/** One file of a materialized volume: a relative path, its content and its permission bits. */
public record VolumeFile(String path, byte[] content, int mode) {

    public VolumeFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VolumeFile that && path.equals(that.path) && mode == that.mode
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return path + " (" + content.length + " bytes, mode " + Integer.toOctalString(mode) + ")";
    }
}
