package io.podflow.taskmanager.exchange.netty;

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
import io.podflow.taskmanager.TaskExecutor;
import io.podflow.taskmanager.TaskExecutorSettings;
import io.podflow.taskmanager.classloading.LocalDirectoryJarProvider;
import io.podflow.taskmanager.invokables.CollectingSink;
import io.podflow.taskmanager.invokables.NumberSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real Dispatcher, JobMaster and ResourceManager with two TaskExecutors of two slots each, every one with its
 * own netty data plane: a job of parallelism 4 must send records between the TaskManagers to finish.
 */
class TwoTaskManagerClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopCluster() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void aHashPartitionedJobAcrossTwoTaskManagersFinishesWithEveryRecordAtItsPartition() throws Exception {
        Configuration config = new Configuration()
                .set(RpcOptions.CLUSTER_SECRET, "two-taskmanagers")
                .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(10))
                .set(HeartbeatOptions.INTERVAL, Duration.ofMillis(200))
                .set(HeartbeatOptions.TIMEOUT, Duration.ofSeconds(5));
        RpcService jobManagerRpc = start(RpcService.builder(config).registerTypes(ProtocolTypes.all()).start());
        ResourceManager resourceManagerEndpoint = new ResourceManager(jobManagerRpc, ResourceID.of("jobmanager"),
                HeartbeatSettings.from(config), WorkerSpec.from(config), new StandaloneResourceManagerDriver());
        resourceManagerEndpoint.start();
        BlobStore blobStore = BlobStore.createUnder(dir);
        started.add(blobStore::close);
        Dispatcher dispatcherEndpoint = new Dispatcher(jobManagerRpc, config, resourceManagerEndpoint.getAddress(),
                "127.0.0.1:6124", blobStore, Clock.systemUTC());
        dispatcherEndpoint.start();
        for (int i = 0; i < 2; i++) {
            startTaskManager(new Configuration(config)
                    .set(RpcOptions.JOBMANAGER_ADDRESS, "127.0.0.1")
                    .set(RpcOptions.JOBMANAGER_PORT, jobManagerRpc.getPort())
                    .set(TaskManagerOptions.RESOURCE_ID, "tm-" + i)
                    .set(TaskManagerOptions.NUM_TASK_SLOTS, 2)
                    .set(TaskManagerOptions.BIND_HOST, "127.0.0.1")
                    .set(TaskManagerOptions.DATA_PORT, 0));
        }
        DispatcherGateway dispatcher = jobManagerRpc.connect(dispatcherEndpoint.getAddress(), DispatcherGateway.class)
                .get(10, TimeUnit.SECONDS);
        ResourceManagerGateway resourceManager = jobManagerRpc.connect(resourceManagerEndpoint.getAddress(),
                ResourceManagerGateway.class).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> resourceManager.requestTaskManagerInfos().get(10, TimeUnit.SECONDS)
                .stream().mapToInt(TaskManagerInfo::slotsFree).sum() == 4);

        JobID job = JobID.generate();
        int count = 50_000;
        JobVertex source = new JobVertex(JobVertexID.generate(), "numbers", NumberSource.class.getName(), 4,
                Map.of("count", Integer.toString(count)));
        JobVertex sink = new JobVertex(JobVertexID.generate(), "collect", CollectingSink.class.getName(), 4,
                Map.of("sink", job.toString()));
        dispatcher.submitJob(new JobGraph(job, "numbers by hash", List.of(source, sink),
                List.of(new JobEdge(source.id(), sink.id(), Partitioning.HASH)), List.of(), Map.of()))
                .get(30, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> dispatcher.requestJobDetails(job).get(10, TimeUnit.SECONDS).status()
                .isGloballyTerminal());
        JobResult result = dispatcher.requestJobResult(job).get(10, TimeUnit.SECONDS);

        assertEquals(JobStatus.FINISHED, result.status(), String.valueOf(result.failureCause()));
        List<String> expected = IntStream.range(0, count).mapToObj(n -> (n % 4) + ":" + n).sorted().toList();
        assertEquals(expected, CollectingSink.COLLECTED.get(job.toString()).stream().sorted().toList());
    }

    private void startTaskManager(Configuration config) {
        RpcService rpc = start(RpcService.builder(config).registerTypes(ProtocolTypes.all()).start());
        TaskExecutorSettings configured = TaskExecutorSettings.from(config, rpc.getHost(), rpc.getPort());
        NettyDataExchange exchange = NettyDataExchange.start(configured.resourceId(), NetworkSettings.from(config));
        started.add(exchange);
        new TaskExecutor(rpc, configured.withDataPort(exchange.port()), new LocalDirectoryJarProvider(dir), exchange,
                message -> { }).start();
    }

    private RpcService start(RpcService rpc) {
        started.add(() -> rpc.closeAsync().get(60, TimeUnit.SECONDS));
        return rpc;
    }
}
