package io.podflow.localkube.kubelet.api;

import io.podflow.localkube.kubelet.container.ProcessRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a running container's init process from the kubelet's pid file ({@code PID STARTTIME} of the
 * namespace owner, whose only child is the container command) and reads it from {@code /proc}.
 */
public final class ContainerInits {

    private final PodFiles files;
    private final Path proc = Path.of("/proc");

    public ContainerInits(PodFiles files) {
        this.files = files;
    }

    /** Empty when the container is not running (no pid file, or its process is gone). */
    public Optional<ContainerInit> find(ContainerRef ref) {
        try {
            String[] record = Files.readString(files.pidFile(ref)).trim().split(" ");
            long owner = Long.parseLong(record[0]);
            if (record.length < 2 || !ProcessRecords.startTimeOf(owner).equals(Optional.of(record[1]))) {
                return Optional.empty();
            }
            String children = Files.readString(proc.resolve(owner + "/task/" + owner + "/children")).trim();
            if (children.isEmpty()) {
                return Optional.empty();
            }
            long init = Long.parseLong(children.split(" ")[0]);
            Map<String, String> status = status(init);
            return Optional.of(new ContainerInit(init, environment(init), firstId(status.get("Uid")),
                    firstId(status.get("Gid"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True while the container's process runs. */
    public boolean isRunning(ContainerRef ref) {
        return find(ref).isPresent();
    }

    private Map<String, String> environment(long pid) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        String raw = new String(Files.readAllBytes(proc.resolve(pid + "/environ")), StandardCharsets.UTF_8);
        for (String entry : raw.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    private Map<String, String> status(long pid) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(proc.resolve(pid + "/status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** The real id: first of the real, effective, saved and filesystem ids in a status line. */
    private static long firstId(String line) {
        return Long.parseLong(line.split("\\s+")[0]);
    }
}
