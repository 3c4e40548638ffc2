package io.podflow.localkube.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests in any module of the reactor find localkube/bin/localkube without configuration. */
class LocalKubeScriptTest {

    @TempDir
    Path root;

    @Test
    void foundFromASiblingModule() throws Exception {
        Path script = createScript(root.resolve("localkube/bin/localkube"));
        Path e2e = Files.createDirectories(root.resolve("e2e/target"));

        assertEquals(Optional.of(script), LocalKubeScript.findUpwards(e2e));
    }

    @Test
    void foundFromInsideTheLocalkubeModule() throws Exception {
        Path script = createScript(root.resolve("localkube/bin/localkube"));

        assertEquals(Optional.of(script), LocalKubeScript.findUpwards(root.resolve("localkube")));
    }

    @Test
    void absentWhenNoAncestorHasIt() {
        assertTrue(LocalKubeScript.findUpwards(root).isEmpty());
    }

    @Test
    void scriptOutputAndExitCodeAreReported() throws Exception {
        Path script = Files.writeString(root.resolve("fake"), "echo \"args: $*\"; echo oops >&2; exit 3\n");

        LocalKubeScript.Result result = new LocalKubeScript(script).run(30, "status", "-x");

        assertEquals(3, result.exitCode());
        assertEquals("args: status -x\noops", result.output());
    }

    private static Path createScript(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "#!/bin/sh\n");
    }
}
