package io.podflow.jobmanager.entrypoint;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.JobManagerOptions;
import io.podflow.common.metrics.ProcessMetrics;
import io.podflow.jobmanager.blob.BlobServer;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.jobmanager.dispatcher.Dispatcher;
import io.podflow.jobmanager.resourcemanager.ResourceManager;
import io.podflow.jobmanager.resourcemanager.ResourceManagerDriver;
import io.podflow.jobmanager.resourcemanager.WorkerSpec;
import io.podflow.jobmanager.rest.RestServer;
import io.podflow.jobmanager.rest.UploadedJars;
import io.podflow.jobmanager.rest.handler.RestEndpoints;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.ProtocolTypes;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.heartbeat.HeartbeatSettings;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Everything a JobManager process runs, started in dependency order and closed in reverse: the RPC service
 * ({@code jobmanager.rpc.port}), the metric reporters, the ResourceManager with its worker driver, the BlobServer,
 * the Dispatcher and the REST server.
 */
public final class JobManagerServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManagerServices.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final RpcService rpcService;
    private final RestServer restServer;
    private final BlobServer blobServer;
    private final Dispatcher dispatcher;

    private JobManagerServices(Configuration config, String advertisedHost, ResourceManagerDriver driver) {
        try {
            rpcService = RpcService.builder(config).host(advertisedHost).bindHost(bindHost(config))
                    .port(config.get(RpcOptions.JOBMANAGER_PORT)).registerTypes(ProtocolTypes.all()).start();
            started.add(() -> rpcService.closeAsync().get(30, TimeUnit.SECONDS));

            ProcessMetrics metrics = ProcessMetrics.start(config, System.getenv(), "jobmanager",
                    Map.of("host", advertisedHost), bindHost(config));
            started.add(metrics);

            ResourceManager resourceManager = new ResourceManager(rpcService,
                    ResourceID.of("resourcemanager-" + advertisedHost), HeartbeatSettings.from(config),
                    WorkerSpec.from(config), driver, metrics.group());
            resourceManager.start();

            blobServer = BlobServer.start(config, bindHost(config));
            started.add(blobServer);

            dispatcher = new Dispatcher(rpcService, config, resourceManager.getAddress(),
                    advertisedHost + ":" + blobServer.port(), blobServer.store(), Clock.systemUTC(), metrics.group());
            dispatcher.start();

            UploadedJars jars = UploadedJars.create(config);
            restServer = RestServer.start(config, RestEndpoints.router(config,
                    dispatcher.getSelfGateway(DispatcherGateway.class),
                    resourceManager.getSelfGateway(ResourceManagerGateway.class), jars, blobServer.store()), jars);
            started.add(restServer);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("JobManager ready: RPC {}, blob port {}, REST port {}", rpcService.getAddress(), blobServer.port(),
                restServer.port());
    }

    /** Starts every service; a failure closes what had started and is rethrown. */
    public static JobManagerServices start(Configuration config, String advertisedHost,
            ResourceManagerDriver driver) {
        return new JobManagerServices(config, advertisedHost, driver);
    }

    /**
     * Runs an entrypoint's start-up; when it fails, the process ends with one line on stderr and in the log, as
     * a JobManager that cannot start cannot do anything useful.
     */
    static <T> T startedOrExit(Supplier<T> startup) {
        try {
            return startup.get();
        } catch (RuntimeException e) {
            LOG.error("The JobManager cannot start: {}", e.getMessage(), e);
            System.err.println("The JobManager cannot start: " + e.getMessage());
            System.exit(1);
            throw e;
        }
    }

    private static String bindHost(Configuration config) {
        return config.get(JobManagerOptions.BIND_HOST);
    }

    public RpcService rpcService() {
        return rpcService;
    }

    public DispatcherGateway dispatcher() {
        return dispatcher.getSelfGateway(DispatcherGateway.class);
    }

    /** Where the Dispatcher finds the jars of the jobs it runs. */
    public BlobStore blobStore() {
        return blobServer.store();
    }

    public int restPort() {
        return restServer.port();
    }

    public int blobPort() {
        return blobServer.port();
    }

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
