package io.podflow.localkube.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the process table for processes that belong to one localkube home. */
final class LocalKubeProcesses {

    private LocalKubeProcesses() {
    }

    /** Live processes whose command line mentions {@code home} or whose environment carries its marker. */
    static List<String> of(Path home) {
        String homeText = home.toString();
        String marker = "LOCALKUBE_INSTANCE=" + homeText;
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info().commandLine().map(line -> line.contains(homeText)).orElse(false)
                        || environment(process.pid()).contains(marker))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?"))
                .toList();
    }

    private static List<String> environment(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | SecurityException e) {
            return List.of(); // the process ended, or is not ours to read
        }
    }
}
