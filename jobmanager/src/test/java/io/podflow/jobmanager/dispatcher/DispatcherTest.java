package io.podflow.jobmanager.dispatcher;

import io.podflow.common.config.Configuration;
import io.podflow.common.metrics.MetricRegistry;
import io.podflow.common.plugin.metrics.MetricValue;
import io.podflow.protocol.blob.BlobKey;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.jobmanager.jobmaster.FakeResourceManager;
import io.podflow.jobmanager.jobmaster.FakeTaskExecutor;
import io.podflow.jobmanager.jobmaster.TaskScript;
import io.podflow.jobmanager.jobmaster.TestJobs;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.ProtocolTypes;
import io.podflow.protocol.job.DuplicateJobException;
import io.podflow.protocol.job.InvalidJobGraphException;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.protocol.job.UnknownJobException;
import io.podflow.rpc.RemoteRpcException;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dispatcher as REST and clients use it, running real JobMasters against scripted TaskExecutors. */
class DispatcherTest {

    @TempDir
    Path blobDirectory;

    private RpcService jobManagerSide;
    private RpcService clientSide;
    private BlobStore blobStore;
    private FakeResourceManager resourceManager;
    private Dispatcher dispatcher;
    private final MetricRegistry metrics = new MetricRegistry();
    private DispatcherGateway local;
    private DispatcherGateway remote;

    private void start(int historyCapacity, TaskScript script) throws Exception {
        Configuration config = new Configuration()
                .set(RpcOptions.CLUSTER_SECRET, "dispatcher-test-secret")
                .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(20))
                .setString("jobstore.max-capacity", String.valueOf(historyCapacity));
        jobManagerSide = RpcService.builder(config).port(0).registerTypes(ProtocolTypes.all()).start();
        clientSide = RpcService.builder(config).port(0).registerTypes(ProtocolTypes.all()).start();
        resourceManager = new FakeResourceManager(jobManagerSide);
        resourceManager.start();
        for (String id : List.of("tm-1", "tm-2")) {
            new FakeTaskExecutor(clientSide, id, 2, resourceManager.getAddress(), script).start();
        }
        blobStore = BlobStore.createUnder(blobDirectory);
        dispatcher = new Dispatcher(jobManagerSide, config, resourceManager.getAddress(), "127.0.0.1:6124", blobStore,
                Clock.systemUTC(), metrics.group("jobmanager", Map.of("host", "127.0.0.1")));
        dispatcher.start();
        local = jobManagerSide.connect(dispatcher.getAddress(), DispatcherGateway.class).get(5, TimeUnit.SECONDS);
        remote = clientSide.connect(dispatcher.getAddress(), DispatcherGateway.class).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        dispatcher.closeAsync().get(60, TimeUnit.SECONDS);
        clientSide.closeAsync().get(60, TimeUnit.SECONDS);
        jobManagerSide.closeAsync().get(60, TimeUnit.SECONDS);
        blobStore.close();
    }

    private double runningJobsMetric() {
        return metrics.snapshot().stream().filter(metric -> metric.name().equals("numRunningJobs"))
                .mapToDouble(MetricValue::value).sum();
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void aSubmittedJobRunsToFinishedAndStaysListedWithItsVertices() throws Exception {
        start(10, TaskScript.FINISH);
        JobGraph job = TestJobs.sourceToSink(4, 2, Map.of());

        get(remote.submitJob(job));

        assertEquals(JobStatus.FINISHED, get(remote.requestJobResult(job.jobId())).status());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get(remote.listJobs()).stream().anyMatch(details -> details.status() == JobStatus.FINISHED));
        JobDetails details = get(remote.requestJobDetails(job.jobId()));
        assertEquals("source to sink", details.name());
        assertEquals(6, details.tasksPerState().get(ExecutionState.FINISHED));
        List<JobVertexDetails> vertices = get(remote.requestJobVertices(job.jobId()));
        assertEquals(List.of("source", "sink"), vertices.stream().map(JobVertexDetails::name).toList());
        assertEquals(List.of(4, 2), vertices.stream().map(vertex -> vertex.subtasks().size()).toList());
        assertTrue(vertices.get(0).subtasks().stream().allMatch(subtask -> subtask.taskManagerId() != null));
        assertEquals(List.of(), get(remote.requestJobExceptions(job.jobId())));
    }

    @Test
    void aSecondSubmissionWithTheSameJobIdIsRefusedWhileRunningAndAfterwards() throws Exception {
        start(10, TaskScript.KEEP_RUNNING);
        JobGraph job = TestJobs.sourceToSink(2, 2, Map.of());
        get(local.submitJob(job));

        assertInstanceOf(DuplicateJobException.class, failureOf(local.submitJob(job)));
        Throwable overTheWire = failureOf(remote.submitJob(job));
        assertEquals(DuplicateJobException.class.getName(),
                assertInstanceOf(RemoteRpcException.class, overTheWire).remoteClassName());

        get(local.cancelJob(job.jobId()));
        assertEquals(JobStatus.CANCELED, get(local.requestJobResult(job.jobId())).status());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(local.listJobs()).stream()
                .anyMatch(details -> details.status() == JobStatus.CANCELED));
        assertInstanceOf(DuplicateJobException.class, failureOf(local.submitJob(job)));
        get(local.cancelJob(job.jobId()));
        assertEquals(JobStatus.CANCELED, get(local.requestJobResult(job.jobId())).status(), "cancel is idempotent");
    }

    @Test
    void numRunningJobsCountsTheJobsThatHaveNotEnded() throws Exception {
        start(10, TaskScript.KEEP_RUNNING);
        assertEquals(0.0, runningJobsMetric());
        JobGraph first = TestJobs.sourceToSink(1, 1, Map.of());
        JobGraph second = TestJobs.sourceToSink(1, 1, Map.of());

        get(local.submitJob(first));
        get(local.submitJob(second));
        assertEquals(2.0, runningJobsMetric());

        get(local.cancelJob(first.jobId()));
        get(local.requestJobResult(first.jobId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> runningJobsMetric() == 1.0);
    }

    @Test
    void questionsAboutAnUnknownJobFailWithUnknownJob() throws Exception {
        start(10, TaskScript.FINISH);
        JobID unknown = JobID.generate();

        assertInstanceOf(UnknownJobException.class, failureOf(local.requestJobDetails(unknown)));
        assertInstanceOf(UnknownJobException.class, failureOf(local.requestJobVertices(unknown)));
        assertInstanceOf(UnknownJobException.class, failureOf(local.requestJobExceptions(unknown)));
        assertInstanceOf(UnknownJobException.class, failureOf(local.cancelJob(unknown)));
        assertInstanceOf(UnknownJobException.class, failureOf(local.requestJobResult(unknown)));
        assertEquals(List.of(), get(local.listJobs()));
    }

    @Test
    void theHistoryKeepsOnlyTheNewestFinishedJobs() throws Exception {
        start(2, TaskScript.FINISH);
        List<JobGraph> jobs = List.of(TestJobs.sourceToSink(1, 1, Map.of()), TestJobs.sourceToSink(1, 1, Map.of()),
                TestJobs.sourceToSink(1, 1, Map.of()));

        for (JobGraph job : jobs) {
            get(local.submitJob(job));
            get(local.requestJobResult(job.jobId()));
            await().atMost(Duration.ofSeconds(30)).until(() -> get(local.listJobs()).stream()
                    .anyMatch(details -> details.jobId().equals(job.jobId())
                            && details.status() == JobStatus.FINISHED));
        }

        assertEquals(List.of(jobs.get(2).jobId(), jobs.get(1).jobId()),
                get(local.listJobs()).stream().map(JobDetails::jobId).toList(), "newest first, oldest gone");
        assertInstanceOf(UnknownJobException.class, failureOf(local.requestJobDetails(jobs.get(0).jobId())));
    }

    @Test
    void aJobsJarsMustBeOnTheBlobServerAndAreReleasedWhenItEnds() throws Exception {
        start(10, TaskScript.FINISH);
        Path jar = Files.write(blobDirectory.resolve("job.jar"), new byte[] {1, 2, 3});
        BlobKey stored = blobStore.put(jar);
        JobGraph base = TestJobs.sourceToSink(2, 2, Map.of());
        String missing = "0".repeat(64);
        JobGraph withMissingJar = new JobGraph(JobID.generate(), base.name(), base.vertices(), base.edges(),
                List.of(missing), Map.of());

        Throwable refused = assertInstanceOf(InvalidJobGraphException.class,
                failureOf(local.submitJob(withMissingJar)));
        assertTrue(refused.getMessage().contains("needs jar blob " + missing + ", which is not on the BlobServer"),
                refused.getMessage());

        JobGraph withJar = new JobGraph(JobID.generate(), base.name(), base.vertices(), base.edges(),
                List.of(stored.hex()), Map.of());
        get(local.submitJob(withJar));
        assertEquals(JobStatus.FINISHED, get(local.requestJobResult(withJar.jobId())).status());
        await().atMost(Duration.ofSeconds(30)).until(() -> blobStore.find(stored).isEmpty());
    }

    @Test
    void aJobWithABadConfigurationIsRefusedAndCanBeSubmittedAgainFixed() throws Exception {
        start(10, TaskScript.FINISH);
        JobGraph bad = TestJobs.sourceToSink(1, 1, Map.of("restart-strategy", "sometimes"));

        Throwable refused = assertInstanceOf(InvalidJobGraphException.class, failureOf(local.submitJob(bad)));
        assertTrue(refused.getMessage().contains("restart-strategy"), refused.getMessage());
        assertInstanceOf(UnknownJobException.class, failureOf(local.requestJobDetails(bad.jobId())));

        JobGraph fixed = new JobGraph(bad.jobId(), bad.name(), bad.vertices(), bad.edges(), List.of(),
                Map.of("restart-strategy", "none"));
        get(local.submitJob(fixed));
        assertEquals(JobStatus.FINISHED, get(local.requestJobResult(fixed.jobId())).status());
    }
}
