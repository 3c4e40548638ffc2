package io.podflow.localkube.kubelet.api.exec;

import io.podflow.localkube.kubelet.api.ContainerInit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The host command line that runs an exec command inside a container: {@code nsenter} joins the mount,
 * UTS and PID namespaces of the container's init process, its working directory and its user; with a
 * tty, {@code script} gives the command a pseudo-terminal.
 */
public final class ExecCommand {

    private ExecCommand() {
    }

    public static List<String> argv(ContainerInit init, List<String> command, boolean tty) {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/nsenter", "--target", Long.toString(init.pid()),
                "--mount", "--uts", "--pid", "--wd"));
        if (init.uid() != 0 || init.gid() != 0) {
            argv.addAll(List.of("--setgid", Long.toString(init.gid()), "--setuid", Long.toString(init.uid())));
        }
        argv.add("--");
        if (tty) {
            // -e: script exits with the command's status; -f: output is flushed as it comes
            argv.addAll(List.of("/usr/bin/script", "--quiet", "--return", "--flush", "--command",
                    command.stream().map(ExecCommand::quote).collect(Collectors.joining(" ")), "/dev/null"));
        } else {
            argv.addAll(command);
        }
        return argv;
    }

    /** Single-quotes a word for the POSIX shell {@code script} runs the command with. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
