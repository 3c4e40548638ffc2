package io.podflow.e2e.support;

import io.podflow.localkube.cluster.LocalKube;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's terminal in the distribution's directory, where a document's command lines ({@code ./bin/flink run ...},
 * {@code kubectl delete deployment/...}, {@code echo 'stop' | ./bin/kubernetes-session.sh ...}) are typed as
 * written. bash runs them with {@code KUBECONFIG} set to a copy of localkube's whose current namespace is the
 * test's, and {@code FLINK_CONF_DIR} set to a copy of {@code conf/} whose {@code flink-conf.yaml} names that
 * namespace, so neither kubectl nor the {@code bin/} commands need {@code -n} or {@code -Dkubernetes.namespace}.
 */
public final class UserShell {

    private final Distribution dist;
    private final Map<String, String> environment;

    private UserShell(Distribution dist, Map<String, String> environment) {
        this.dist = dist;
        this.environment = environment;
    }

    /** A shell whose kubectl and {@code bin/} commands work in {@code namespace} of {@code kube}. */
    public static UserShell in(Distribution dist, LocalKube kube, String namespace)
            throws IOException, InterruptedException {
        Path kubeconfig = dist.workPath(namespace + "-kubeconfig");
        Files.copy(kube.kubeconfig(), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
        UserShell shell = new UserShell(dist, Map.of("KUBECONFIG", kubeconfig.toString(),
                "FLINK_CONF_DIR", confNaming(dist, namespace).toString()));
        CommandResult context = shell.run("kubectl config set-context --current --namespace=" + namespace);
        if (context.exitCode() != 0) {
            throw new AssertionError("cannot set the kubeconfig's namespace: " + context.output());
        }
        return shell;
    }

    /** A copy of the distribution's {@code conf/} whose {@code flink-conf.yaml} adds {@code kubernetes.namespace}. */
    private static Path confNaming(Distribution dist, String namespace) throws IOException {
        Path conf = dist.workPath(namespace + "-conf");
        Files.createDirectories(conf);
        try (Stream<Path> files = Files.list(dist.home().resolve("conf"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, conf.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(conf.resolve("flink-conf.yaml"), "\nkubernetes.namespace: " + namespace + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return conf;
    }

    /** Runs {@code commandLine} to its end with nothing on stdin. */
    public CommandResult run(String commandLine) throws IOException, InterruptedException {
        return run(commandLine, "");
    }

    /** Runs {@code commandLine} to its end, {@code typed} being what the user types into it. */
    public CommandResult run(String commandLine, String typed) throws IOException, InterruptedException {
        return dist.execute(List.of("bash", "-c", commandLine), typed, dist.home(), environment);
    }

    /**
     * Runs {@code commandLine} on a pseudo-terminal, as {@code kubectl exec -it} wants one, {@code typed} being
     * what the user types into it; the output is the terminal's, with its echo of what was typed.
     */
    public CommandResult runInTerminal(String commandLine, String typed) throws IOException, InterruptedException {
        return run("script --quiet --return --command " + quoted(commandLine) + " /dev/null", typed);
    }

    /** Starts {@code commandLine} in the background (e.g. {@code kubectl port-forward}); close it to end it. */
    public BackgroundCommand start(String commandLine) throws IOException {
        Path log = Files.createTempFile(dist.workPath(""), "background", ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine).directory(dist.home().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new BackgroundCommand(builder.start(), log);
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A command running in the background; closing it ends it and whatever it started. */
    public record BackgroundCommand(Process process, Path log) implements AutoCloseable {

        /** What it printed so far. */
        public String output() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
