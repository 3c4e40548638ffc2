package io.podflow.dist;

import io.podflow.client.rest.RestClusterClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone session cluster run the way a user runs it: a copy of the assembled distribution as FLINK_HOME, its
 * {@code conf/flink-conf.yaml} written with free ports and fresh secrets, and {@code bin/jobmanager.sh} /
 * {@code bin/taskmanager.sh} starting and stopping the processes.
 */
final class StandaloneClusterProcesses implements AutoCloseable {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final String restToken = UUID.randomUUID().toString();
    private final int restPort = freePort();
    private final List<Long> everyPid = new ArrayList<>();

    private StandaloneClusterProcesses(Path home) {
        this.home = home;
    }

    /** Copies the distribution to {@code home} and configures it; starts nothing yet. */
    static StandaloneClusterProcesses install(Path distribution, Path home) throws IOException, InterruptedException {
        if (!Files.isExecutable(distribution.resolve("bin/jobmanager.sh"))) {
            throw new IllegalStateException("No assembled distribution at " + distribution
                    + "; build it with: mvn -pl dist package");
        }
        Files.createDirectories(home);
        run(List.of("cp", "-a", distribution + "/.", home.toString()), home);
        // the shared distribution's log/ collects logs of pods localkube ran from it: a fresh install has none
        run(List.of("find", home.resolve("log").toString(), "-mindepth", "1", "-delete"), home);
        StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(home);
        cluster.writeConfiguration();
        return cluster;
    }

    private void writeConfiguration() throws IOException {
        String conf = String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + freePort(),
                "jobmanager.bind-host: 127.0.0.1",
                "blob.server.port: " + freePort(),
                "blob.storage.directory: " + home.resolve("blobs"),
                "rest.port: " + restPort,
                "rest.bind-address: 127.0.0.1",
                "web.upload.dir: " + home.resolve("uploads"),
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.data.port: 0",
                "io.tmp.dirs: " + home.resolve("tmp"),
                "cluster.secret: " + UUID.randomUUID(),
                "rest.authentication.token: " + restToken,
                // lose a killed TaskManager within seconds, yet tolerate a loaded 2-core machine
                "heartbeat.interval: 1 s",
                "heartbeat.timeout: 8 s",
                "restart-strategy: fixed-delay",
                // a killed TaskManager costs one restart (its slots are given up as soon as it refuses a call),
                // one more if the job times out waiting for a replacement's slots
                "restart-strategy.fixed-delay.attempts: 3",
                "restart-strategy.fixed-delay.delay: 1 s",
                "env.java.opts: -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto",
                "");
        Files.writeString(home.resolve("conf/flink-conf.yaml"), conf, StandardCharsets.UTF_8);
    }

    Path home() {
        return home;
    }

    String restToken() {
        return restToken;
    }

    URI restUri() {
        return URI.create("http://127.0.0.1:" + restPort + "/");
    }

    RestClusterClient restClient() {
        return new RestClusterClient(restUri(), Map.of("Authorization", "Bearer " + restToken),
                Duration.ofSeconds(30));
    }

    /** Runs {@code bin/<script> <args>} in FLINK_HOME and returns what it printed; fails on a non-zero exit. */
    String script(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        String output = run(command, home);
        everyPid.addAll(pids());
        return output;
    }

    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("FLINK_PID_DIR", directory.toString());
        builder.environment().remove("FLINK_CONF_DIR");
        builder.environment().remove("FLINK_HOME");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not end within " + SCRIPT_TIMEOUT + ": " + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + output);
        }
        return output;
    }

    /** Starts one more TaskManager with {@code slots} slots on its own RPC port; returns its instance number. */
    int startTaskManager(String resourceId, int slots, String... extraProperties) throws Exception {
        List<String> args = new ArrayList<>(List.of("start", "-Dtaskmanager.numberOfTaskSlots=" + slots,
                "-Dtaskmanager.rpc.port=" + freePort(), "-Dtaskmanager.resource-id=" + resourceId));
        args.addAll(List.of(extraProperties));
        int before = liveInstances("taskmanager").size();
        script("taskmanager.sh", args.toArray(String[]::new));
        List<Integer> live = liveInstances("taskmanager");
        if (live.size() != before + 1) {
            throw new IllegalStateException("taskmanager.sh start left " + live.size() + " TaskManagers, not "
                    + (before + 1));
        }
        return newestInstance(resourceId);
    }

    private int newestInstance(String resourceId) throws IOException {
        for (int instance : liveInstances("taskmanager")) {
            Optional<ProcessHandle> process = ProcessHandle.of(pidOf("taskmanager", instance));
            if (process.flatMap(handle -> handle.info().arguments()).map(List::of).orElse(List.of())
                    .contains("-Dtaskmanager.resource-id=" + resourceId)) {
                return instance;
            }
        }
        throw new IllegalStateException("No live TaskManager process runs as " + resourceId);
    }

    /** Instance numbers of the role's processes that are alive, by their pid files. */
    List<Integer> liveInstances(String role) throws IOException {
        List<Integer> live = new ArrayList<>();
        try (Stream<Path> files = Files.list(home)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches(
                    "flink-.*-" + role + "-\\d+\\.pid")).toList()) {
                String name = file.getFileName().toString();
                int instance = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.length() - 4));
                if (ProcessHandle.of(pidOf(role, instance)).map(ProcessHandle::isAlive).orElse(false)) {
                    live.add(instance);
                }
            }
        }
        live.sort(null);
        return live;
    }

    long pidOf(String role, int instance) throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            Path file = files.filter(path -> path.getFileName().toString().matches(
                    "flink-.*-" + role + "-" + instance + "\\.pid")).findFirst().orElseThrow(
                            () -> new IllegalStateException("No pid file of " + role + " " + instance));
            return Long.parseLong(Files.readString(file).strip());
        }
    }

    private List<Long> pids() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".pid")).map(path -> {
                try {
                    return Long.parseLong(Files.readString(path).strip());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** The log file of the role's instance, as the daemon script names it. */
    Path logOf(String role, int instance) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("log"))) {
            return files.filter(path -> path.getFileName().toString().matches(
                    "flink-.*-" + role + "-" + instance + "-.*\\.log")).findFirst().orElseThrow(
                            () -> new IllegalStateException("No log file of " + role + " " + instance));
        }
    }

    /** Every process any script started so far that is still alive. */
    List<Long> livePids() {
        return everyPid.stream().distinct()
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills whatever is still running, so a failed test leaves no process behind. */
    @Override
    public void close() {
        livePids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}
