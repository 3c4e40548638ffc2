package io.podflow.localkube.kubelet.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pid files ({@code <container>.pid}: pid and kernel start time) that let a new kubelet find and
 * kill containers a previous kubelet run left behind; the start time guards against a recycled pid.
 */
public final class ProcessRecords {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRecords.class);
    static final String SUFFIX = ".pid";

    private ProcessRecords() {
    }

    public static void write(Path pidFile, long pid) {
        String startTime = startTimeOf(pid).orElse("?");
        try {
            Files.writeString(pidFile, pid + " " + startTime + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile, e);
        }
    }

    public static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", pidFile, e.getMessage());
        }
    }

    /** Kills every still-running process recorded below {@code podsDir} and removes the records; returns how many. */
    public static int killLeftovers(Path podsDir) {
        if (!Files.isDirectory(podsDir)) {
            return 0;
        }
        List<Path> records;
        try (Stream<Path> pods = Files.list(podsDir)) {
            records = pods.filter(Files::isDirectory).flatMap(ProcessRecords::recordsIn).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + podsDir, e);
        }
        int killed = 0;
        for (Path record : records) {
            if (killRecorded(record)) {
                killed++;
            }
            delete(record);
        }
        return killed;
    }

    private static Stream<Path> recordsIn(Path podDir) {
        try (Stream<Path> files = Files.list(podDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static boolean killRecorded(Path record) {
        String[] fields;
        try {
            fields = Files.readString(record).trim().split(" ");
        } catch (IOException e) {
            return false;
        }
        long pid = Long.parseLong(fields[0]);
        Optional<String> startTime = startTimeOf(pid);
        if (startTime.isEmpty() || fields.length < 2 || !startTime.get().equals(fields[1])) {
            return false;
        }
        LOG.warn("killing container process {} left over from a previous kubelet ({})", pid, record);
        // SIGKILL to the PID-namespace owner ends everything inside the namespace
        return ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
    }

    /** Field 22 of /proc/PID/stat, the process start time in clock ticks since boot. */
    public static Optional<String> startTimeOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may contain spaces, so count fields after its closing ')'
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(rest[19]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
