package io.podflow.localkube.kubelet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The {@code kubectl} on the PATH, run as a user would, against localkube's admin kubeconfig in one namespace. */
final class Kubectl {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path kubeconfig;
    private final String namespace;

    Kubectl(Path kubeconfig, String namespace) {
        this.kubeconfig = kubeconfig;
        this.namespace = namespace;
    }

    /** What a finished command printed and its exit code. */
    record Result(int exitCode, String out, String err) {
    }

    Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs {@code kubectl args} with {@code stdin} (null: none) to its end. */
    Result runWithInput(String stdin, String... args) {
        return finish(start(args), stdin, args);
    }

    private static Result finish(Process process, String stdin, String... args) {
        try {
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS + "s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs {@code kubectl args} on a terminal of {@code rows} x {@code columns}, as {@code kubectl -it} needs. */
    Result inTerminal(int rows, int columns, String... args) {
        List<String> words = new ArrayList<>(command(args));
        String line = "stty rows " + rows + " cols " + columns + "; exec " + words.stream()
                .map(word -> "'" + word.replace("'", "'\\''") + "'").collect(java.util.stream.Collectors.joining(" "));
        return finish(start(List.of("script", "--quiet", "--return", "--command", line, "/dev/null")), null, args);
    }

    /** Starts {@code kubectl args} in the background (for -f and port-forward); the caller ends it. */
    Process start(String... args) {
        return start(command(args));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "-n", namespace));
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kubectl (is it on the PATH?)", e);
        }
    }

    /** Collects a stream's bytes as they come; {@code sink} sees the text so far. */
    static CompletableFuture<String> drain(InputStream stream, StringBuffer sink) {
        return CompletableFuture.supplyAsync(() -> {
            byte[] buffer = new byte[4096];
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    all.write(buffer, 0, read);
                    sink.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the process was ended by the test
            }
            return all.toString(StandardCharsets.UTF_8);
        });
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return drain(stream, new StringBuffer());
    }
}
