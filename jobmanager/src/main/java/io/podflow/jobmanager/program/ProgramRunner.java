package io.podflow.jobmanager.program;

import io.podflow.api.environment.ExecutionEnvironmentContext;
import io.podflow.api.program.PackagedProgram;
import io.podflow.api.program.ProgramInvocationException;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.JobID;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs uploaded programs' {@code main()} on the JobManager, one at a time on a thread of its own (the execution
 * context it installs is process-wide), submitting their jobs detached to the Dispatcher.
 */
public final class ProgramRunner {

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
        return CompletableFuture.supplyAsync(() -> {
            DispatcherSubmittingExecutor executor = new DispatcherSubmittingExecutor(dispatcher, blobs,
                    program.jar());
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
