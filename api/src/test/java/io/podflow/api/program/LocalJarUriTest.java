package io.podflow.api.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LocalJarUriTest {

    @Test
    void aLocalUriNamesTheAbsolutePathInTheImage() {
        assertEquals(Path.of("/opt/flink/usrlib/my-job.jar"), LocalJarUri.toPath("local:///opt/flink/usrlib/my-job.jar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/opt/flink/usrlib/my-job.jar", "my-job.jar", "http://example.org/my-job.jar",
            "file:///opt/flink/usrlib/my-job.jar", "local://opt/flink/usrlib/my-job.jar", "local:my-job.jar",
            "local:///", "local://"})
    void anythingElseIsRefusedWithOneLineNamingTheExpectedForm(String uri) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LocalJarUri.toPath(uri));

        assertEquals("Application mode runs a jar that is already in the image, so the jar must be a local:// URI of "
                + "its path there, e.g. local:///opt/flink/usrlib/my-job.jar, not '" + uri + "'", refused.getMessage());
    }
}
