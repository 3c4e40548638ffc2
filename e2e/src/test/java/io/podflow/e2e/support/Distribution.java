package io.podflow.e2e.support;

import io.podflow.localkube.cluster.LocalKube;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged distribution ({@code dist/target/podflow}, or {@code -Dpodflow.dist.home}) run as a user runs it
 * against localkube: its {@code bin/} scripts with {@code KUBECONFIG} pointing at localkube and the distribution's
 * own {@code conf/}. Also owns the work directory ({@code -Dpodflow.e2e.work}) where tests put jars, inputs and
 * outputs: pods see the host's file system except their own private {@code /tmp}, so it must not lie under /tmp.
 */
public final class Distribution {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path work;
    private final Path kubeconfig;

    private Distribution(Path home, Path work, Path kubeconfig) {
        this.home = home;
        this.work = work;
        this.kubeconfig = kubeconfig;
    }

    /** The distribution the build assembled, talking to {@code kube}. */
    public static Distribution on(LocalKube kube) throws IOException {
        Path home = Path.of(System.getProperty("podflow.dist.home", "../dist/target/podflow")).toAbsolutePath()
                .normalize();
        Path work = Path.of(System.getProperty("podflow.e2e.work", "target/e2e-work")).toAbsolutePath().normalize();
        Files.createDirectories(work);
        return new Distribution(home, work, kube.kubeconfig());
    }

    public Path home() {
        return home;
    }

    /** A path below the work directory (not created); pods can read and write there. */
    public Path workPath(String name) {
        return work.resolve(name);
    }

    /** Runs {@code bin/<script> args...} to its end (at most five minutes) with nothing on stdin. */
    public CommandResult run(String script, List<String> args) throws IOException, InterruptedException {
        return run(script, "", args);
    }

    /** Runs {@code bin/<script> args...} to its end (at most five minutes), feeding {@code stdin} to it. */
    public CommandResult run(String script, String stdin, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve(script).toString()));
        command.addAll(args);
        return execute(command, stdin, null, Map.of("KUBECONFIG", kubeconfig.toString(), "FLINK_CONF_DIR",
                home.resolve("conf").toString()));
    }

    /**
     * Runs {@code command} to its end (at most five minutes) in {@code directory} (null: this JVM's), feeding
     * {@code stdin} to it, with {@code environment} added to this JVM's.
     */
    CommandResult execute(List<String> command, String stdin, Path directory, Map<String, String> environment)
            throws IOException, InterruptedException {
        String name = Path.of(command.get(0)).getFileName().toString();
        Path log = Files.createTempFile(work, name, ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within "
                    + COMMAND_TIMEOUT.toMinutes() + " minutes: " + Files.readString(log));
        }
        return new CommandResult(process.exitValue(), Files.readString(log));
    }
}
