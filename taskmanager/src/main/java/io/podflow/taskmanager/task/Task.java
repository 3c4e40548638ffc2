package io.podflow.taskmanager.task;

import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.TaskExecutionState;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.RecordReader;
import io.podflow.taskmanager.FatalErrorHandler;
import io.podflow.taskmanager.classloading.JobClassLoaders;
import io.podflow.taskmanager.exchange.DataExchange;
import io.podflow.taskmanager.exchange.PartitionWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One deployed subtask, run on its own thread: load the job's classes, instantiate the {@link Invokable}, wire its
 * inputs and outputs, invoke it. It goes DEPLOYING, INITIALIZING, RUNNING and ends FINISHED, FAILED or (after
 * {@link #cancel}) CANCELED, telling its listener each step. A cancelled task whose thread does not stop within
 * the cancellation timeout is a fatal error for the TaskManager.
 */
public final class Task {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskDeploymentDescriptor deployment;
    private final JobClassLoaders classLoaders;
    private final DataExchange exchange;
    private final TaskStateListener listener;
    private final Duration cancellationTimeout;
    private final FatalErrorHandler fatalErrors;
    private final TaskMetrics metrics;
    private final AtomicReference<ExecutionState> state = new AtomicReference<>(ExecutionState.DEPLOYING);
    private final Thread thread;

    public Task(TaskDeploymentDescriptor deployment, JobClassLoaders classLoaders, DataExchange exchange,
            TaskStateListener listener, Duration cancellationTimeout, FatalErrorHandler fatalErrors,
            TaskMetrics metrics) {
        this.deployment = deployment;
        this.classLoaders = classLoaders;
        this.exchange = exchange;
        this.listener = listener;
        this.cancellationTimeout = cancellationTimeout;
        this.fatalErrors = fatalErrors;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "task " + deployment.subtaskName());
    }

    public TaskDeploymentDescriptor deployment() {
        return deployment;
    }

    public TaskMetrics metrics() {
        return metrics;
    }

    public ExecutionState state() {
        return state.get();
    }

    public void start() {
        thread.start();
    }

    /** Interrupts the task; if it has not stopped within the cancellation timeout, reports a fatal error. */
    public void cancel() {
        ExecutionState current = state.get();
        while (!current.isTerminal() && current != ExecutionState.CANCELING) {
            if (state.compareAndSet(current, ExecutionState.CANCELING)) {
                report(ExecutionState.CANCELING, null);
                thread.interrupt();
                startWatchdog();
                return;
            }
            current = state.get();
        }
    }

    private void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                thread.join(cancellationTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                fatalErrors.onFatalError("Task " + deployment.subtaskName() + " did not stop within "
                        + cancellationTimeout.toMillis() + " ms of being cancelled; its thread is stuck in "
                        + (thread.getStackTrace().length > 0 ? thread.getStackTrace()[0] : "an unknown place"));
            }
        }, "cancel watchdog " + deployment.subtaskName());
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void run() {
        List<PartitionWriter> writers = new ArrayList<>();
        try {
            ClassLoader userCode = classLoaders.forJob(deployment.jobId(), deployment.jarBlobKeys(),
                    deployment.blobServerAddress());
            if (!advance(ExecutionState.DEPLOYING, ExecutionState.INITIALIZING)) {
                finishCancelled();
                return;
            }
            Invokable invokable = instantiate(userCode);
            List<RecordReader> readers = new ArrayList<>();
            for (TaskInput input : deployment.inputs()) {
                readers.add(metrics.countedReader(exchange.openInput(deployment, input)));
            }
            for (TaskOutput output : deployment.outputs()) {
                writers.add(exchange.openOutput(deployment, output));
            }
            if (!advance(ExecutionState.INITIALIZING, ExecutionState.RUNNING)) {
                finishCancelled();
                return;
            }
            Thread.currentThread().setContextClassLoader(userCode);
            invokable.invoke(new DeployedTaskContext(deployment, List.copyOf(readers),
                    writers.stream().map(metrics::countedWriter).toList(), userCode));
            for (PartitionWriter writer : writers) {
                writer.finish();
            }
            if (!advance(ExecutionState.RUNNING, ExecutionState.FINISHED)) {
                finishCancelled();
            }
        } catch (Throwable error) {
            if (state.get() == ExecutionState.CANCELING) {
                finishCancelled();
            } else {
                ExecutionState before = state.getAndSet(ExecutionState.FAILED);
                if (!before.isTerminal()) {
                    LOG.warn("Task {} failed: {}", deployment.subtaskName(), error.toString());
                    report(ExecutionState.FAILED, stackTraceOf(error));
                }
            }
        }
    }

    private Invokable instantiate(ClassLoader userCode) throws ReflectiveOperationException {
        Class<?> type = Class.forName(deployment.invokableClassName(), true, userCode);
        if (!Invokable.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("Class " + type.getName() + " of task " + deployment.taskName()
                    + " does not implement " + Invokable.class.getName());
        }
        return type.asSubclass(Invokable.class).getDeclaredConstructor().newInstance();
    }

    private boolean advance(ExecutionState from, ExecutionState to) {
        if (state.compareAndSet(from, to)) {
            report(to, null);
            return true;
        }
        return false;
    }

    private void finishCancelled() {
        if (state.compareAndSet(ExecutionState.CANCELING, ExecutionState.CANCELED)) {
            report(ExecutionState.CANCELED, null);
        }
    }

    private void report(ExecutionState newState, String failure) {
        listener.stateChanged(new TaskExecutionState(deployment.jobId(), deployment.attemptId(), newState, failure));
    }

    private static String stackTraceOf(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
