package io.podflow.taskmanager.runner;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.CoreOptions;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads {@code io.tmp.dirs}: directories separated by ',' or the path separator, java.io.tmpdir when unset. */
final class TemporaryDirectories {

    private TemporaryDirectories() {
    }

    static Path first(Configuration config) {
        String configured = config.get(CoreOptions.TMP_DIRS);
        return Arrays.stream(configured == null ? new String[0] : configured.split(",|" + File.pathSeparator))
                .map(String::strip).filter(dir -> !dir.isEmpty()).findFirst()
                .map(Path::of).orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
    }
}
