package io.podflow.api.environment;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hook that lets {@link StreamExecutionEnvironment#getExecutionEnvironment()} do the right thing where the
 * user's {@code main()} runs. {@code bin/flink run} installs a context whose executor submits the JobGraph
 * (with the job jar) to the cluster it points at; an application-mode JobManager installs one that submits to
 * its own Dispatcher. Both install before calling the user's {@code main()} and uninstall after. With nothing
 * installed, the job runs in this process on the {@link LocalStreamRunner}.
 */
public final class ExecutionEnvironmentContext {

    private static final AtomicReference<ExecutionEnvironmentContext> INSTALLED = new AtomicReference<>();

    private final PipelineExecutor executor;
    private final int defaultParallelism;

    private ExecutionEnvironmentContext(PipelineExecutor executor, int defaultParallelism) {
        this.executor = executor;
        this.defaultParallelism = defaultParallelism;
    }

    /**
     * Makes environments created from now on run jobs with {@code executor} at {@code defaultParallelism} unless
     * the program sets its own (e.g. {@code flink run -p N}).
     */
    public static void install(PipelineExecutor executor, int defaultParallelism) {
        if (executor == null || defaultParallelism < 1) {
            throw new IllegalArgumentException("An execution context needs an executor and a parallelism of 1 or more");
        }
        INSTALLED.set(new ExecutionEnvironmentContext(executor, defaultParallelism));
    }

    public static void uninstall() {
        INSTALLED.set(null);
    }

    static Optional<ExecutionEnvironmentContext> installed() {
        return Optional.ofNullable(INSTALLED.get());
    }

    PipelineExecutor executor() {
        return executor;
    }

    int defaultParallelism() {
        return defaultParallelism;
    }
}
