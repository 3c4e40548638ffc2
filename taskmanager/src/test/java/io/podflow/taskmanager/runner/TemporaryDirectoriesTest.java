package io.podflow.taskmanager.runner;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.CoreOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TemporaryDirectoriesTest {

    @Test
    void theFirstOfSeveralConfiguredDirectoriesIsUsed() {
        Configuration config = new Configuration().set(CoreOptions.TMP_DIRS, " /data/a , /data/b");

        assertEquals(Path.of("/data/a"), TemporaryDirectories.first(config));
    }

    @Test
    void unsetMeansTheJvmTemporaryDirectory() {
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), TemporaryDirectories.first(new Configuration()));
    }
}
