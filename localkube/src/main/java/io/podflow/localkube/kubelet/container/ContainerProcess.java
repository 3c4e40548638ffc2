package io.podflow.localkube.kubelet.container;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running container: the {@code unshare} process that owns the container's PID namespace and,
 * inside it, the container command as init process. Killing the former ends everything in the
 * namespace, so a container can never leave processes behind.
 */
public final class ContainerProcess {

    private final Process process;
    private final CompletableFuture<Void> outputLogged;

    ContainerProcess(Process process, CompletableFuture<Void> outputLogged) {
        this.process = process;
        this.outputLogged = outputLogged;
    }

    /** The pid of the namespace owner, also the container's process group and session id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Completes with the container command's exit code (128 + signal number when a signal ended it), once all
     * its output is in the log.
     */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenCombine(outputLogged, (exited, logged) -> exited.exitValue());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The host pid of the container's init process (the command), once it has been forked. */
    public Optional<Long> initPid() {
        return process.toHandle().children().findFirst().map(ProcessHandle::pid);
    }

    /** Asks the container command to stop (SIGTERM to its init process, as a container runtime does). */
    public void terminate() {
        Optional<ProcessHandle> init = process.toHandle().children().findFirst();
        if (init.isPresent()) {
            init.get().destroy();
        } else {
            process.destroyForcibly();
        }
    }

    /**
     * Ends the container at once: SIGKILL to its init process makes the kernel kill everything
     * else in the PID namespace, and the namespace owner exits only after all of it is gone, so
     * {@link #onExit()} means "no process of this container is left".
     */
    public void kill() {
        process.toHandle().children().findFirst()
                .ifPresentOrElse(ProcessHandle::destroyForcibly, process::destroyForcibly);
    }
}
