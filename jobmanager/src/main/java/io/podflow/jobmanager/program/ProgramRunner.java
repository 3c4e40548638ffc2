package io.podflow.jobmanager.program;

import io.podflow.api.environment.ExecutionEnvironmentContext;
import io.podflow.api.program.PackagedProgram;
import io.podflow.api.program.ProgramInvocationException;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.JobID;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs programs' {@code main()} on the JobManager, one at a time on a thread of its own (the execution context it
 * installs is process-wide), submitting their jobs to the Dispatcher: detached for an uploaded jar, attached for
 * an application cluster's program.
 */
public final class ProgramRunner {

    private static final Duration JOB_STATUS_POLL = Duration.ofMillis(500);

    private final DispatcherGateway dispatcher;
    private final BlobStore blobs;
    private final ExecutorService programThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "podflow-jar-run");
        thread.setDaemon(true);
        return thread;
    });

    public ProgramRunner(DispatcherGateway dispatcher, BlobStore blobs) {
        this.dispatcher = dispatcher;
        this.blobs = blobs;
    }

    /**
     * Completes with the first job {@code program} submitted, or fails with a {@link ProgramInvocationException} (inside a
     * {@link CompletionException}) when it failed or submitted nothing.
     */
    public CompletableFuture<JobID> run(PackagedProgram program, int defaultParallelism) {
        return invoke(program, defaultParallelism, Optional.empty());
    }

    /**
     * Runs an application's {@code main()} to its end, each {@code execute()} waiting for its job's end. Completes
     * with the first job once {@code main()} returned; fails with a {@link ProgramInvocationException} (inside a
     * {@link CompletionException}) when {@code main()} failed, a job did not finish, or no job was submitted.
     */
    public CompletableFuture<JobID> runToEnd(PackagedProgram program, int defaultParallelism) {
        return invoke(program, defaultParallelism, Optional.of(JOB_STATUS_POLL));
    }

    private CompletableFuture<JobID> invoke(PackagedProgram program, int defaultParallelism,
            Optional<Duration> statusPollInterval) {
        return CompletableFuture.supplyAsync(() -> {
            DispatcherSubmittingExecutor executor = new DispatcherSubmittingExecutor(dispatcher, blobs,
                    program.userJars(), statusPollInterval);
            ExecutionEnvironmentContext.install(executor, defaultParallelism);
            try {
                program.invoke();
            } catch (ProgramInvocationException e) {
                throw new CompletionException(e);
            } finally {
                ExecutionEnvironmentContext.uninstall();
            }
            return executor.firstJob().orElseThrow(() -> new CompletionException(
                    new ProgramInvocationException("The program's main() submitted no job")));
        }, programThread);
    }
}
