package io.podflow.taskmanager;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.TaskManagerOptions;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.jobmanager.dispatcher.Dispatcher;
import io.podflow.jobmanager.resourcemanager.ResourceManager;
import io.podflow.jobmanager.resourcemanager.StandaloneResourceManagerDriver;
import io.podflow.jobmanager.resourcemanager.WorkerSpec;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.ProtocolTypes;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.heartbeat.HeartbeatOptions;
import io.podflow.protocol.heartbeat.HeartbeatSettings;
import io.podflow.protocol.job.JobEdge;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;
import io.podflow.taskmanager.classloading.LocalDirectoryJarProvider;
import io.podflow.taskmanager.exchange.LocalDataExchange;
import io.podflow.taskmanager.invokables.CollectingSink;
import io.podflow.taskmanager.invokables.NumberSource;
import io.podflow.taskmanager.invokables.WaitsForInterrupt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real Dispatcher, JobMaster and ResourceManager with one real TaskExecutor of four slots, all on loopback:
 * what a standalone session cluster does with a job, short of the data plane between TaskManagers.
 */
class LocalClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private RpcService jobManagerRpc;
    private RpcService taskManagerRpc;
    private BlobStore blobStore;
    private DispatcherGateway dispatcher;
    private ResourceManagerGateway resourceManager;

    @BeforeEach
    void startCluster() throws Exception {
        Configuration config = new Configuration()
                .set(RpcOptions.CLUSTER_SECRET, "local-cluster-test")
                .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(10))
                .set(HeartbeatOptions.INTERVAL, Duration.ofMillis(200))
                .set(HeartbeatOptions.TIMEOUT, Duration.ofSeconds(5));
        jobManagerRpc = RpcService.builder(config).registerTypes(ProtocolTypes.all()).start();
        taskManagerRpc = RpcService.builder(config).registerTypes(ProtocolTypes.all()).start();

        ResourceManager resourceManagerEndpoint = new ResourceManager(jobManagerRpc, ResourceID.of("jobmanager"),
                HeartbeatSettings.from(config), WorkerSpec.from(config), new StandaloneResourceManagerDriver());
        resourceManagerEndpoint.start();
        blobStore = BlobStore.createUnder(dir);
        Dispatcher dispatcherEndpoint = new Dispatcher(jobManagerRpc, config, resourceManagerEndpoint.getAddress(),
                "127.0.0.1:6124", blobStore, Clock.systemUTC());
        dispatcherEndpoint.start();

        Configuration taskManagerConfig = new Configuration(config)
                .set(RpcOptions.JOBMANAGER_ADDRESS, "127.0.0.1")
                .set(RpcOptions.JOBMANAGER_PORT, jobManagerRpc.getPort())
                .set(TaskManagerOptions.RESOURCE_ID, "tm-local")
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 4);
        TaskExecutorSettings settings = TaskExecutorSettings.from(taskManagerConfig, taskManagerRpc.getHost(),
                taskManagerRpc.getPort());
        new TaskExecutor(taskManagerRpc, settings, new LocalDirectoryJarProvider(dir),
                new LocalDataExchange(settings.resourceId()), message -> { }).start();

        dispatcher = jobManagerRpc.connect(dispatcherEndpoint.getAddress(), DispatcherGateway.class)
                .get(10, TimeUnit.SECONDS);
        resourceManager = jobManagerRpc.connect(resourceManagerEndpoint.getAddress(), ResourceManagerGateway.class)
                .get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> freeSlots() == 4);
    }

    @AfterEach
    void stopCluster() throws Exception {
        taskManagerRpc.closeAsync().get(60, TimeUnit.SECONDS);
        jobManagerRpc.closeAsync().get(60, TimeUnit.SECONDS);
        blobStore.close();
    }

    private int freeSlots() throws Exception {
        return resourceManager.requestTaskManagerInfos().get(10, TimeUnit.SECONDS).stream()
                .mapToInt(TaskManagerInfo::slotsFree).sum();
    }

    /** Polls until the job ended: asking for the result directly would outlast the RPC ask timeout. */
    private JobResult awaitResult(JobID job) throws Exception {
        await().atMost(WAIT).until(() -> dispatcher.requestJobDetails(job).get(10, TimeUnit.SECONDS).status()
                .isGloballyTerminal());
        return dispatcher.requestJobResult(job).get(10, TimeUnit.SECONDS);
    }

    private static JobVertex vertex(String name, Class<?> invokable, int parallelism, Map<String, String> config) {
        return new JobVertex(JobVertexID.generate(), name, invokable.getName(), parallelism, config);
    }

    @Test
    void twoVertexJobFinishesWithEveryRecordAtItsHashPartition() throws Exception {
        JobID job = JobID.generate();
        JobVertex source = vertex("numbers", NumberSource.class, 4, Map.of("count", "1000"));
        JobVertex sink = vertex("collect", CollectingSink.class, 4, Map.of("sink", job.toString()));
        JobGraph graph = new JobGraph(job, "numbers by hash", List.of(source, sink),
                List.of(new JobEdge(source.id(), sink.id(), Partitioning.HASH)), List.of(), Map.of());

        dispatcher.submitJob(graph).get(30, TimeUnit.SECONDS);
        JobResult result = awaitResult(job);

        assertEquals(JobStatus.FINISHED, result.status(), String.valueOf(result.failureCause()));
        List<String> expected = IntStream.range(0, 1000).mapToObj(n -> (n % 4) + ":" + n).sorted().toList();
        assertEquals(expected, CollectingSink.COLLECTED.get(job.toString()).stream().sorted().toList());
        await().atMost(WAIT).until(() -> freeSlots() == 4);
    }

    @Test
    void cancelledJobEndsCanceledAndFreesEverySlot() throws Exception {
        JobID job = JobID.generate();
        JobGraph graph = new JobGraph(job, "runs until cancelled",
                List.of(vertex("forever", WaitsForInterrupt.class, 3, Map.of())), List.of(), List.of(), Map.of());
        dispatcher.submitJob(graph).get(30, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> dispatcher.requestJobDetails(job).get(10, TimeUnit.SECONDS).status()
                == JobStatus.RUNNING);

        dispatcher.cancelJob(job).get(30, TimeUnit.SECONDS);

        assertEquals(JobStatus.CANCELED, awaitResult(job).status());
        await().atMost(WAIT).until(() -> freeSlots() == 4);
    }
}
