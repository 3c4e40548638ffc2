package io.podflow.localkube.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code localkube/bin/localkube} and returns what it printed. */
public final class LocalKubeScript {

    /** System property naming the script explicitly; otherwise it is searched from the working directory up. */
    public static final String SCRIPT_PROPERTY = "localkube.script";

    private static final Logger LOG = LoggerFactory.getLogger(LocalKubeScript.class);
    private static final Path RELATIVE_SCRIPT = Path.of("localkube", "bin", "localkube");

    private final Path script;

    public LocalKubeScript(Path script) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("localkube script not found: " + script);
        }
        this.script = script.toAbsolutePath();
    }

    /** Finds the script from {@value #SCRIPT_PROPERTY}, or in the working directory or one of its parents. */
    public static LocalKubeScript locate() {
        String configured = System.getProperty(SCRIPT_PROPERTY);
        if (configured != null) {
            return new LocalKubeScript(Path.of(configured));
        }
        return findUpwards(Path.of("").toAbsolutePath())
                .map(LocalKubeScript::new)
                .orElseThrow(() -> new IllegalStateException(
                        "cannot find localkube/bin/localkube above " + Path.of("").toAbsolutePath()
                                + "; set -D" + SCRIPT_PROPERTY + "=<path>"));
    }

    static Optional<Path> findUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_SCRIPT);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (dir.getFileName() != null && dir.getFileName().toString().equals("localkube")
                    && Files.isRegularFile(dir.resolve("bin/localkube"))) {
                return Optional.of(dir.resolve("bin/localkube"));
            }
        }
        return Optional.empty();
    }

    public Path path() {
        return script;
    }

    /** Runs the script with {@code args}, logging each line it prints, and waits at most {@code timeoutSeconds}. */
    public Result run(long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(script.toString());
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    LOG.info("{}", line);
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                LOG.debug("localkube output closed", e);
            }
        }, "localkube-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "localkube " + String.join(" ", args) + " did not finish within " + timeoutSeconds + "s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running localkube " + String.join(" ", args), e);
        }
        synchronized (lines) {
            return new Result(process.exitValue(), List.copyOf(lines));
        }
    }

    /** Runs the script and fails with its last lines of output unless it exits with 0. */
    public Result runOrFail(long timeoutSeconds, String... args) {
        Result result = run(timeoutSeconds, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("localkube " + String.join(" ", args) + " failed with exit code "
                    + result.exitCode() + ": " + result.tail(15));
        }
        return result;
    }

    /** Exit code and output lines of one run. */
    public record Result(int exitCode, List<String> lines) {

        public String output() {
            return String.join("\n", lines);
        }

        String tail(int count) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }
}
