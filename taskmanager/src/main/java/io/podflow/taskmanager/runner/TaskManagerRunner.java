package io.podflow.taskmanager.runner;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.common.config.TaskManagerOptions;
import io.podflow.common.metrics.ProcessMetrics;
import io.podflow.protocol.ProtocolTypes;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;
import io.podflow.taskmanager.FatalErrorHandler;
import io.podflow.taskmanager.TaskExecutor;
import io.podflow.taskmanager.TaskExecutorSettings;
import io.podflow.taskmanager.classloading.BlobJarProvider;
import io.podflow.taskmanager.exchange.netty.NettyDataExchange;
import io.podflow.taskmanager.exchange.netty.NetworkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/taskmanager.sh}: a TaskManager process. Starts the RPC service on {@code taskmanager.rpc.port}, a jar
 * cache fed by the BlobServer, the data plane on {@code taskmanager.data.port}, the metric reporters and the
 * TaskExecutor, which registers with the JobManager at {@code jobmanager.rpc.address}. Runs until told to stop
 * (SIGTERM) or until a fatal error ends the process.
 */
public final class TaskManagerRunner implements AutoCloseable {

    /** Exit code of a TaskManager that can no longer be trusted to work, e.g. because a task would not stop. */
    public static final int FATAL_ERROR_EXIT_CODE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final TaskExecutor taskExecutor;

    private TaskManagerRunner(Configuration config, String advertisedHost, FatalErrorHandler fatalErrors) {
        try {
            RpcService rpcService = RpcService.builder(config).host(advertisedHost)
                    .bindHost(config.get(TaskManagerOptions.BIND_HOST))
                    .port(config.get(RpcOptions.TASKMANAGER_PORT)).registerTypes(ProtocolTypes.all()).start();
            started.add(() -> rpcService.closeAsync().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS));

            BlobJarProvider jars = new BlobJarProvider(config, TemporaryDirectories.first(config));
            started.add(jars);

            TaskExecutorSettings configured = TaskExecutorSettings.from(config, rpcService.getHost(),
                    rpcService.getPort());
            NettyDataExchange exchange = NettyDataExchange.start(configured.resourceId(),
                    NetworkSettings.from(config));
            started.add(exchange);
            TaskExecutorSettings settings = configured.withDataPort(exchange.port());
            ProcessMetrics metrics = ProcessMetrics.start(config, System.getenv(), "taskmanager",
                    Map.of("host", advertisedHost, "tm_id", settings.resourceId().toString()),
                    config.get(TaskManagerOptions.BIND_HOST));
            started.add(metrics);
            taskExecutor = new TaskExecutor(rpcService, settings, jars, exchange, fatalErrors, metrics.group());
            taskExecutor.start();
            started.add(() -> taskExecutor.closeAsync().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the TaskManager's services; a failure closes what had started and is rethrown. */
    public static TaskManagerRunner start(Configuration config, FatalErrorHandler fatalErrors) {
        return new TaskManagerRunner(config, AdvertisedHost.of(config, System.getenv()), fatalErrors);
    }

    public TaskExecutor taskExecutor() {
        return taskExecutor;
    }

    public static void main(String[] args) throws InterruptedException {
        TaskManagerRunner runner;
        try {
            Configuration config = ConfigurationLoader.loadFromEnvironment(
                    ConfigurationLoader.parseDynamicProperties(Arrays.asList(args)));
            runner = start(config, TaskManagerRunner::exitOnFatalError);
        } catch (RuntimeException e) {
            LOG.error("The TaskManager cannot start: {}", e.getMessage());
            LOG.debug("Why the TaskManager could not start", e);
            System.err.println("The TaskManager cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        awaitTermination(runner);
    }

    private static void exitOnFatalError(String message) {
        LOG.error("The TaskManager exits after a fatal error: {}", message);
        // System.exit runs the shutdown hook, which waits for the endpoint that may be the caller; exit elsewhere
        new Thread(() -> System.exit(FATAL_ERROR_EXIT_CODE), "taskmanager-fatal-exit").start();
    }

    private static void awaitTermination(TaskManagerRunner runner) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting the TaskManager down");
            runner.close();
            closed.countDown();
        }, "taskmanager-shutdown"));
        closed.await();
    }

    /** Stops the TaskExecutor (cancelling its tasks), the data plane, the jar cache and the RPC service. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", started.get(i), e.toString());
            }
        }
        started.clear();
    }
}
