package io.podflow.localkube.kubelet.container;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Starts a container's init script as
 * {@code setsid setpriv --pdeathsig KILL unshare --mount --uts --pid --fork --kill-child ...}:
 * its own session and process group, private mount, UTS and PID namespaces, and killed with the
 * kubelet. The death signal follows the thread that started the process, so call this only from
 * a thread that lives as long as the kubelet.
 */
public final class ContainerLauncher {

    static final List<String> NAMESPACE_WRAPPER = List.of(
            "/usr/bin/setsid", "/usr/bin/setpriv", "--pdeathsig", "KILL",
            "/usr/bin/unshare", "--mount", "--propagation", "private", "--uts", "--pid", "--fork", "--kill-child",
            "--mount-proc", "/bin/sh");

    private final Clock clock;

    public ContainerLauncher() {
        this(Clock.systemUTC());
    }

    ContainerLauncher(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes {@code script} beside the log and starts it with {@code env}, output appended to {@code logFile}
     * (a new run in its {@link LogIndex}).
     */
    public ContainerProcess launch(Path scriptFile, String script, Map<String, String> env, Path logFile) {
        try {
            Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
            Files.createDirectories(logFile.getParent());
            long logSize = Files.exists(logFile) ? Files.size(logFile) : 0;
            LogIndex.append(LogIndex.of(logFile), new LogIndex.Mark(logSize, clock.instant(), true));
            List<String> command = new java.util.ArrayList<>(NAMESPACE_WRAPPER);
            command.add(scriptFile.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(new File("/"))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            ContainerOutput output = new ContainerOutput(process.getInputStream(), logFile, clock);
            Thread copier = new Thread(output, "output-" + process.pid());
            copier.setDaemon(true);
            copier.start();
            return new ContainerProcess(process, output.done());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start container script " + scriptFile + ": " + e.getMessage(), e);
        }
    }
}
