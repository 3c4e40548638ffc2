package io.podflow.localkube.kubelet.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Writes {@link VolumeFile}s below a volume directory with their permission bits. */
final class VolumeWriter {

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private VolumeWriter() {
    }

    static void write(Path dir, List<VolumeFile> files) {
        for (VolumeFile file : files) {
            Path target = dir.resolve(file.path());
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
                Files.setPosixFilePermissions(target, permissions(file.mode()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write volume file " + target, e);
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(BITS[bit]);
            }
        }
        return permissions;
    }
}
