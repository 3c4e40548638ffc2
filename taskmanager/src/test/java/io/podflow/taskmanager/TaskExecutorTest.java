package io.podflow.taskmanager;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.MemorySize;
import io.podflow.common.config.TaskManagerOptions;
import io.podflow.common.metrics.MetricRegistry;
import io.podflow.jobmanager.resourcemanager.ResourceManager;
import io.podflow.jobmanager.resourcemanager.StandaloneResourceManagerDriver;
import io.podflow.jobmanager.resourcemanager.WorkerSpec;
import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.ProtocolTypes;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.SlotOffer;
import io.podflow.protocol.TaskExecutorGateway;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.heartbeat.HeartbeatOptions;
import io.podflow.protocol.heartbeat.HeartbeatSettings;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.task.Invokable;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;
import io.podflow.taskmanager.classloading.LocalDirectoryJarProvider;
import io.podflow.taskmanager.classloading.TestJars;
import io.podflow.taskmanager.exchange.LocalDataExchange;
import io.podflow.taskmanager.invokables.CollectingSink;
import io.podflow.taskmanager.invokables.Fails;
import io.podflow.taskmanager.invokables.IgnoresInterrupt;
import io.podflow.taskmanager.invokables.NumberSource;
import io.podflow.taskmanager.invokables.WaitsForInterrupt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A TaskExecutor against a real ResourceManager, each in its own RPC service on loopback. */
class TaskExecutorTest {

    private static final String SECRET = "task-executor-test";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HeartbeatSettings FAST_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(100), Duration.ofMillis(3000));

    @TempDir
    Path jars;

    private final List<RpcService> services = new ArrayList<>();
    private final List<String> fatalErrors = new CopyOnWriteArrayList<>();
    private RpcService jobManagerRpc;
    private ResourceManager resourceManager;
    private ResourceManagerGateway resourceManagerGateway;

    private RpcService startRpc(String secret) {
        RpcService service = RpcService.builder(new Configuration()
                        .set(RpcOptions.CLUSTER_SECRET, secret)
                        .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(5))
                        .set(RpcOptions.HANDSHAKE_TIMEOUT, Duration.ofSeconds(2)))
                .registerTypes(ProtocolTypes.all()).start();
        services.add(service);
        return service;
    }

    @BeforeEach
    void startResourceManager() throws Exception {
        jobManagerRpc = startRpc(SECRET);
        startNewResourceManager();
    }

    private void startNewResourceManager() throws Exception {
        resourceManager = new ResourceManager(jobManagerRpc, ResourceID.of("jobmanager"), FAST_HEARTBEATS,
                new WorkerSpec(2, MemorySize.ofMebiBytes(1024)), new StandaloneResourceManagerDriver());
        resourceManager.start();
        resourceManagerGateway = jobManagerRpc.connect(resourceManager.getAddress(), ResourceManagerGateway.class)
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        IgnoresInterrupt.release.countDown();
        for (RpcService service : services) {
            service.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    private TaskExecutor startTaskExecutor(String secret, String resourceId, Duration cancellationTimeout) {
        return startTaskExecutor(secret, resourceId, cancellationTimeout, new MetricRegistry());
    }

    private TaskExecutor startTaskExecutor(String secret, String resourceId, Duration cancellationTimeout,
            MetricRegistry metrics) {
        RpcService rpc = startRpc(secret);
        Configuration config = new Configuration()
                .set(RpcOptions.JOBMANAGER_ADDRESS, "127.0.0.1")
                .set(RpcOptions.JOBMANAGER_PORT, jobManagerRpc.getPort())
                .set(TaskManagerOptions.RESOURCE_ID, resourceId)
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 2)
                .set(TaskManagerOptions.CANCELLATION_TIMEOUT, cancellationTimeout)
                .set(TaskManagerOptions.REGISTRATION_INITIAL_BACKOFF, Duration.ofMillis(20))
                .set(TaskManagerOptions.REGISTRATION_MAX_BACKOFF, Duration.ofMillis(200))
                .set(HeartbeatOptions.INTERVAL, FAST_HEARTBEATS.interval())
                .set(HeartbeatOptions.TIMEOUT, FAST_HEARTBEATS.timeout());
        TaskExecutorSettings settings = TaskExecutorSettings.from(config, rpc.getHost(), rpc.getPort());
        TaskExecutor taskExecutor = new TaskExecutor(rpc, settings, new LocalDirectoryJarProvider(jars),
                new LocalDataExchange(settings.resourceId()), fatalErrors::add,
                metrics.group("taskmanager", Map.of("tm_id", resourceId)));
        taskExecutor.start();
        return taskExecutor;
    }

    private TaskExecutor startTaskExecutor(String resourceId) {
        return startTaskExecutor(SECRET, resourceId, Duration.ofSeconds(5));
    }

    private Optional<TaskManagerInfo> infoOf(String resourceId) throws Exception {
        return resourceManagerGateway.requestTaskManagerInfos().get(10, TimeUnit.SECONDS).stream()
                .filter(info -> info.id().value().equals(resourceId)).findFirst();
    }

    /** Registers a JobMaster for a new job and has the ResourceManager give it {@code slots} slots. */
    private TestJobMaster jobMasterWithSlots(JobID job, int slots) throws Exception {
        TestJobMaster jobMaster = new TestJobMaster(jobManagerRpc, job);
        jobMaster.start();
        assertTrue(resourceManagerGateway.registerJobMaster(job, jobMaster.getAddress(), jobMaster.getFencingToken())
                .get(10, TimeUnit.SECONDS).accepted());
        resourceManagerGateway.declareRequiredSlots(job, slots).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> jobMaster.offers.size() == slots);
        return jobMaster;
    }

    private TaskExecutorGateway gatewayOf(TaskExecutor taskExecutor) throws Exception {
        return jobManagerRpc.connect(taskExecutor.getAddress(), TaskExecutorGateway.class).get(10, TimeUnit.SECONDS);
    }

    private static TaskDeploymentDescriptor deployment(JobID job, JobVertexID vertex, String name, int subtask,
            int parallelism, SlotOffer slot, Class<?> invokable, Map<String, String> config, List<TaskInput> inputs,
            List<TaskOutput> outputs) {
        return new TaskDeploymentDescriptor(job, ExecutionAttemptID.generate(), vertex, name, subtask, parallelism,
                slot.allocationId(), invokable.getName(), config, List.of(), "unused:6124", inputs, outputs);
    }

    private static String lastRegistrationProblem(TaskExecutor taskExecutor) throws Exception {
        return taskExecutor.callAsync(taskExecutor::lastRegistrationProblem, Duration.ofSeconds(5))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void registersAndItsSlotsShowUpInTheResourceManager() throws Exception {
        startTaskExecutor("tm-registers");

        await().atMost(WAIT).until(() -> infoOf("tm-registers").isPresent());
        TaskManagerInfo info = infoOf("tm-registers").orElseThrow();
        assertEquals(2, info.slotsTotal());
        assertEquals(2, info.slotsFree());
    }

    @Test
    void itsMetricsShowItsSlotsAsTheyAreTakenAndFreedAndEachRunningTask() throws Exception {
        MetricRegistry metrics = new MetricRegistry();
        TaskExecutor taskExecutor = startTaskExecutor(SECRET, "tm-metrics", Duration.ofSeconds(5), metrics);
        await().atMost(WAIT).until(() -> infoOf("tm-metrics").isPresent());
        assertEquals(2.0, valueOf(metrics, "taskSlotsTotal"));
        assertEquals(2.0, valueOf(metrics, "taskSlotsAvailable"));

        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        await().atMost(WAIT).until(() -> valueOf(metrics, "taskSlotsAvailable") == 1.0);
        TaskDeploymentDescriptor waiting = deployment(job, JobVertexID.generate(), "waits", 0, 1,
                jobMaster.offers.get(0), WaitsForInterrupt.class, Map.of(), List.of(), List.of());
        gatewayOf(taskExecutor).submitTask(waiting, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> metrics.snapshot().stream().anyMatch(metric -> metric.name()
                .equals("numRecordsIn") && waiting.attemptId().toString()
                .equals(metric.variables().get("task_attempt_id"))));

        resourceManagerGateway.unregisterJobMaster(job, "job finished");
        await().atMost(WAIT).until(() -> valueOf(metrics, "taskSlotsAvailable") == 2.0
                && metrics.snapshot().stream().noneMatch(metric -> metric.name().equals("numRecordsIn")));
        assertEquals(2.0, valueOf(metrics, "taskSlotsTotal"));
    }

    private static double valueOf(MetricRegistry metrics, String name) {
        return metrics.snapshot().stream().filter(metric -> metric.name().equals(name)).findFirst().orElseThrow()
                .value();
    }

    @Test
    void wrongClusterSecretIsRefusedWithAReasonForPeople() throws Exception {
        TaskExecutor intruder = startTaskExecutor("not-the-secret", "tm-intruder", Duration.ofSeconds(5));

        await().atMost(WAIT).until(() -> lastRegistrationProblem(intruder) != null);
        String problem = lastRegistrationProblem(intruder);
        assertTrue(problem.startsWith("Cannot register with the ResourceManager at 127.0.0.1:"
                + jobManagerRpc.getPort() + "/resourcemanager"), problem);
        assertTrue(problem.contains("check that cluster.secret is the JobManager's"), problem);
        assertEquals(Optional.empty(), infoOf("tm-intruder"));
    }

    @Test
    void runsATwoVertexJobInItsSlotsAndReportsEveryState() throws Exception {
        TaskExecutor taskExecutor = startTaskExecutor("tm-job");
        await().atMost(WAIT).until(() -> infoOf("tm-job").isPresent());
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 2);
        TaskManagerLocation location = jobMaster.offeringTaskManagers.get(0);
        assertEquals(taskExecutor.location(), location);
        JobVertexID source = JobVertexID.generate();
        JobVertexID sink = JobVertexID.generate();
        List<TaskPeer> peers = List.of(new TaskPeer(0, location), new TaskPeer(1, location));
        TaskExecutorGateway gateway = gatewayOf(taskExecutor);

        List<ExecutionAttemptID> attempts = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            SlotOffer slot = jobMaster.offers.get(subtask);
            TaskDeploymentDescriptor sinkTask = deployment(job, sink, "sink", subtask, 2, slot, CollectingSink.class,
                    Map.of("sink", job.toString()), List.of(new TaskInput(source, Partitioning.HASH, peers)),
                    List.of());
            TaskDeploymentDescriptor sourceTask = deployment(job, source, "source", subtask, 2, slot,
                    NumberSource.class, Map.of("count", "100"), List.of(),
                    List.of(new TaskOutput(sink, Partitioning.HASH, peers)));
            gateway.submitTask(sinkTask, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);
            gateway.submitTask(sourceTask, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);
            attempts.add(sinkTask.attemptId());
            attempts.add(sourceTask.attemptId());
        }

        await().atMost(WAIT).until(() -> attempts.stream().allMatch(attempt -> jobMaster.statesOf(attempt)
                .equals(List.of(ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.FINISHED))));
        List<String> expected = IntStream.range(0, 100).mapToObj(n -> (n % 2) + ":" + n).sorted().toList();
        assertEquals(expected, CollectingSink.COLLECTED.get(job.toString()).stream().sorted().toList());
    }

    @Test
    void recordsOfAProducerThatFinishedBeforeItsConsumersWereDeployedAreKept() throws Exception {
        TaskExecutor taskExecutor = startTaskExecutor("tm-early");
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        TaskManagerLocation location = jobMaster.offeringTaskManagers.get(0);
        SlotOffer slot = jobMaster.offers.get(0);
        JobVertexID source = JobVertexID.generate();
        JobVertexID sink = JobVertexID.generate();
        List<TaskPeer> peers = List.of(new TaskPeer(0, location));
        TaskDeploymentDescriptor sourceTask = deployment(job, source, "source", 0, 1, slot, NumberSource.class,
                Map.of("count", "10"), List.of(), List.of(new TaskOutput(sink, Partitioning.FORWARD, peers)));
        TaskDeploymentDescriptor sinkTask = deployment(job, sink, "sink", 0, 1, slot, CollectingSink.class,
                Map.of("sink", job.toString()), List.of(new TaskInput(source, Partitioning.FORWARD, peers)), List.of());
        TaskExecutorGateway gateway = gatewayOf(taskExecutor);

        gateway.submitTask(sourceTask, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> jobMaster.statesOf(sourceTask.attemptId()).contains(ExecutionState.FINISHED));
        gateway.submitTask(sinkTask, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> jobMaster.statesOf(sinkTask.attemptId()).contains(ExecutionState.FINISHED));
        assertEquals(IntStream.range(0, 10).mapToObj(n -> "0:" + n).toList(),
                CollectingSink.COLLECTED.get(job.toString()));
    }

    @Test
    void aSinkWaitingForItsProducerTellsItsJobMasterItIsIdle() throws Exception {
        TaskExecutor taskExecutor = startTaskExecutor("tm-idle");
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        List<TaskPeer> peers = List.of(new TaskPeer(0, jobMaster.offeringTaskManagers.get(0)));
        TaskDeploymentDescriptor sinkTask = deployment(job, JobVertexID.generate(), "sink", 0, 1,
                jobMaster.offers.get(0), CollectingSink.class, Map.of("sink", job.toString()),
                List.of(new TaskInput(JobVertexID.generate(), Partitioning.FORWARD, peers)), List.of());
        TaskExecutorGateway gateway = gatewayOf(taskExecutor);

        gateway.submitTask(sinkTask, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> jobMaster.loads.containsKey(sinkTask.attemptId())
                && jobMaster.loads.get(sinkTask.attemptId()).idleRatio() > 0.9);
        assertEquals(0, jobMaster.loads.get(sinkTask.attemptId()).backPressuredRatio());
        gateway.cancelTask(sinkTask.attemptId()).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> jobMaster.statesOf(sinkTask.attemptId()).contains(ExecutionState.CANCELED));
    }

    @Test
    void runsUserCodeFromTheJobJarInItsOwnClassLoader() throws Exception {
        List<Path> classpath = List.of(
                Path.of(Invokable.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                Path.of(CollectingSink.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        TestJars.build(jars.resolve("job-jar-key"), Map.of("com.example.JarTask", """
                package com.example;
                public class JarTask implements io.podflow.protocol.task.Invokable {
                    public void invoke(io.podflow.protocol.task.TaskContext context) {
                        io.podflow.taskmanager.invokables.CollectingSink.COLLECTED
                                .computeIfAbsent(context.configuration().get("sink"),
                                        name -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(getClass().getClassLoader().getClass().getSimpleName());
                    }
                }
                """), Map.of(), classpath);
        TaskExecutor taskExecutor = startTaskExecutor("tm-jar");
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        TaskDeploymentDescriptor task = new TaskDeploymentDescriptor(job, ExecutionAttemptID.generate(),
                JobVertexID.generate(), "from-jar", 0, 1, jobMaster.offers.get(0).allocationId(),
                "com.example.JarTask", Map.of("sink", job.toString()), List.of("job-jar-key"), "unused:6124",
                List.of(), List.of());

        gatewayOf(taskExecutor).submitTask(task, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> jobMaster.statesOf(task.attemptId()).contains(ExecutionState.FINISHED));
        assertEquals(List.of("ChildFirstClassLoader"), CollectingSink.COLLECTED.get(job.toString()));
    }

    @Test
    void taskWhoseJarIsMissingFailsSayingWhichJar() throws Exception {
        TaskExecutor taskExecutor = startTaskExecutor("tm-nojar");
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        TaskDeploymentDescriptor task = new TaskDeploymentDescriptor(job, ExecutionAttemptID.generate(),
                JobVertexID.generate(), "no-jar", 0, 1, jobMaster.offers.get(0).allocationId(),
                "com.example.Absent", Map.of(), List.of("missing-key"), "unused:6124", List.of(), List.of());

        gatewayOf(taskExecutor).submitTask(task, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> jobMaster.statesOf(task.attemptId()).equals(List.of(ExecutionState.FAILED)));
        assertTrue(jobMaster.failures.get(task.attemptId()).contains("Jar 'missing-key' of job " + job + " is not in"),
                jobMaster.failures.get(task.attemptId()));
    }

    @Test
    void failingTaskReportsItsFailure() throws Exception {
        TaskExecutor taskExecutor = startTaskExecutor("tm-fails");
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        TaskDeploymentDescriptor task = deployment(job, JobVertexID.generate(), "broken", 0, 1,
                jobMaster.offers.get(0), Fails.class, Map.of("message", "bad input line 7"), List.of(), List.of());

        gatewayOf(taskExecutor).submitTask(task, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> jobMaster.statesOf(task.attemptId()).contains(ExecutionState.FAILED));
        assertTrue(jobMaster.failures.get(task.attemptId())
                .startsWith("java.lang.IllegalStateException: bad input line 7"));
    }

    @Test
    void cancelInterruptsTheTaskAndEndsItCanceled() throws Exception {
        TaskExecutor taskExecutor = startTaskExecutor("tm-cancel");
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        TaskDeploymentDescriptor task = deployment(job, JobVertexID.generate(), "forever", 0, 1,
                jobMaster.offers.get(0), WaitsForInterrupt.class, Map.of(), List.of(), List.of());
        TaskExecutorGateway gateway = gatewayOf(taskExecutor);
        gateway.submitTask(task, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> jobMaster.statesOf(task.attemptId()).contains(ExecutionState.RUNNING));

        gateway.cancelTask(task.attemptId()).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> jobMaster.statesOf(task.attemptId()).equals(List.of(
                ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.CANCELING,
                ExecutionState.CANCELED)));
        assertEquals(List.of(), fatalErrors);
    }

    @Test
    void taskThatIgnoresCancellationIsAFatalErrorAfterTheTimeout() throws Exception {
        IgnoresInterrupt.release = new CountDownLatch(1);
        TaskExecutor taskExecutor = startTaskExecutor(SECRET, "tm-stuck", Duration.ofMillis(300));
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        TaskDeploymentDescriptor task = deployment(job, JobVertexID.generate(), "stubborn", 0, 1,
                jobMaster.offers.get(0), IgnoresInterrupt.class, Map.of(), List.of(), List.of());
        TaskExecutorGateway gateway = gatewayOf(taskExecutor);
        gateway.submitTask(task, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> jobMaster.statesOf(task.attemptId()).contains(ExecutionState.RUNNING));

        gateway.cancelTask(task.attemptId()).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> !fatalErrors.isEmpty());
        assertTrue(fatalErrors.get(0).startsWith("Task stubborn (1/1) did not stop within 300 ms of being cancelled"),
                fatalErrors.get(0));
    }

    @Test
    void endingTheJobFreesItsSlotsInTheResourceManager() throws Exception {
        startTaskExecutor("tm-frees");
        JobID job = JobID.generate();
        jobMasterWithSlots(job, 2);
        await().atMost(WAIT).until(() -> infoOf("tm-frees").orElseThrow().slotsFree() == 0);

        resourceManagerGateway.unregisterJobMaster(job, "job finished");

        await().atMost(WAIT).until(() -> infoOf("tm-frees").orElseThrow().slotsFree() == 2);
    }

    @Test
    void slotsOfAJobWhoseJobMasterFallsSilentAreFreed() throws Exception {
        TaskExecutor taskExecutor = startTaskExecutor("tm-orphaned");
        JobID job = JobID.generate();
        TestJobMaster jobMaster = jobMasterWithSlots(job, 1);
        TaskDeploymentDescriptor task = deployment(job, JobVertexID.generate(), "orphan", 0, 1,
                jobMaster.offers.get(0), WaitsForInterrupt.class, Map.of(), List.of(), List.of());
        gatewayOf(taskExecutor).submitTask(task, jobMaster.getFencingToken()).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> jobMaster.statesOf(task.attemptId()).contains(ExecutionState.RUNNING));

        resourceManagerGateway.declareRequiredSlots(job, 0).get(10, TimeUnit.SECONDS);
        assertEquals(1, infoOf("tm-orphaned").orElseThrow().slotsFree(), "dropping demand keeps held slots");

        jobMaster.fallSilent();

        await().atMost(WAIT).until(() -> infoOf("tm-orphaned").orElseThrow().slotsFree() == 2);
    }

    @Test
    void registersAgainWithANewResourceManagerAfterLosingTheOldOne() throws Exception {
        startTaskExecutor("tm-reconnects");
        await().atMost(WAIT).until(() -> infoOf("tm-reconnects").isPresent());

        resourceManager.closeAsync().get(10, TimeUnit.SECONDS);
        startNewResourceManager();

        await().atMost(WAIT).until(() -> infoOf("tm-reconnects").isPresent());
    }
}
