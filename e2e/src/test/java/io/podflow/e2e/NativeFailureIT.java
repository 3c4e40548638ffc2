package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.client.rest.ClusterConnection;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.e2e.job.PacedNumbersProgram;
import io.podflow.e2e.support.ClusterObjects;
import io.podflow.e2e.support.Distribution;
import io.podflow.e2e.support.JobJar;
import io.podflow.e2e.support.JobOutput;
import io.podflow.e2e.support.NamespaceRights;
import io.podflow.e2e.support.NativeSession;
import io.podflow.e2e.support.PodProcesses;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Must-show 3 of the native Kubernetes issue, on a session running a job with a restart strategy: a TaskManager pod
 * deleted, or its JVM killed, is replaced and the job restarts to exact output; an API server that is away for
 * 20 s costs nothing (no pod created twice, none leaked, the job goes on); a JobManager pod deleted comes back and
 * the TaskManagers of its previous attempt are adopted or deleted; after {@code stop} nothing is left.
 */
@ExtendWith(LocalKubeExtension.class)
class NativeFailureIT {

    private static final String CLUSTER_ID = "failing";
    private static final long RECORDS = 2_000;
    /** 500 records per subtask at 60 ms each: about 30 s of running, time to disturb it. */
    private static final String MILLIS_PER_RECORD = "60";
    private static final Duration JOB_END = Duration.ofMinutes(6);

    private LocalKube kube;
    private KubernetesClient client;
    private String namespace;
    private Distribution dist;
    private NativeSession session;
    private Path jar;

    @BeforeEach
    void startSession(LocalKube localKube, TestNamespace testNamespace) throws Exception {
        kube = localKube;
        client = kube.client();
        namespace = testNamespace.name();
        NamespaceRights.grantEdit(client, namespace);
        dist = Distribution.on(kube);
        session = new NativeSession(dist, kube, namespace, CLUSTER_ID);
        session.start("-Dtaskmanager.numberOfTaskSlots=2", "-Drestart-strategy=fixed-delay",
                "-Drestart-strategy.fixed-delay.attempts=3", "-Drestart-strategy.fixed-delay.delay=2 s",
                "-Dresourcemanager.taskmanager-timeout=60 s");
        jar = JobJar.build(PacedNumbersProgram.class, dist.workPath("paced-numbers.jar"));
    }

    @Test
    void aDeletedTaskManagerPodAndAKilledTaskManagerJvmAreReplacedAndTheJobsRestartToExactOutput() throws Exception {
        Path firstOutput = dist.workPath(namespace + "-deleted-pod");
        try (ClusterConnection rest = session.rest()) {
            JobID first = runningJob(rest.client(), firstOutput);

            client.pods().inNamespace(namespace).withName(taskManager(1)).delete();

            awaitFinished(rest.client(), first);
            assertExact(firstOutput);
            assertEquals(List.of(taskManager(2), taskManager(3)), taskManagerPods());

            Path secondOutput = dist.workPath(namespace + "-killed-jvm");
            JobID second = runningJob(rest.client(), secondOutput);

            PodProcesses.jvm(kube, namespace, taskManager(2)).orElseThrow().destroyForcibly();

            awaitFinished(rest.client(), second);
            assertExact(secondOutput);
            assertEquals(List.of(taskManager(3), taskManager(4)), taskManagerPods());
        }
        stopLeavesNothing();
    }

    @Test
    void anApiServerOutageCostsNothingAndARestartedJobManagerDealsWithThePreviousTaskManagers() throws Exception {
        Path output = dist.workPath(namespace + "-outage");
        try (ClusterConnection rest = session.rest()) {
            JobID job = runningJob(rest.client(), output);
            List<String> podsBefore = taskManagerPods();

            kube.stopApiServer();
            try {
                // the JobManager reaches its TaskManagers without the API server: the job goes on meanwhile
                await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(40))
                        .until(() -> rest.client().jobStatus(job), status -> status == JobStatus.RUNNING
                                || status == JobStatus.FINISHED);
            } finally {
                kube.startApiServer();
            }

            awaitFinished(rest.client(), job);
            assertExact(output);
            assertEquals(podsBefore, taskManagerPods(), "the outage made the JobManager create or lose pods");
        }

        Pod jobManager = session.objects().pods(ClusterObjects.JOBMANAGER).get(0);
        client.pods().inNamespace(namespace).resource(jobManager).delete();

        await().atMost(Duration.ofMinutes(4)).until(() -> session.objects().runningPods(ClusterObjects.JOBMANAGER),
                pods -> pods.size() == 1 && !pods.get(0).getMetadata().getName()
                        .equals(jobManager.getMetadata().getName()));
        // the previous attempt's TaskManagers register with the new JobManager and idle out, or are deleted
        await().atMost(Duration.ofMinutes(4)).until(() -> taskManagerPods().isEmpty());
        Path afterRestart = dist.workPath(namespace + "-after-restart");
        try (ClusterConnection rest = session.rest()) {
            JobID job = session.submitDetached(4, jar, afterRestart.toString(), Long.toString(RECORDS), "0");
            awaitFinished(rest.client(), job);
        }
        assertExact(afterRestart);
        assertTrue(taskManagerPods().stream().allMatch(name -> name.startsWith(CLUSTER_ID + "-taskmanager-2-")),
                taskManagerPods().toString());
        stopLeavesNothing();
    }

    /** Submits the paced job at parallelism 4 (two TaskManagers) and returns once its paced tasks run. */
    private JobID runningJob(RestClusterClient rest, Path output) throws IOException, InterruptedException {
        JobID job = session.submitDetached(4, jar, output.toString(), Long.toString(RECORDS), MILLIS_PER_RECORD);
        JsonNode details = await().atMost(Duration.ofMinutes(4)).until(() -> rest.get("/jobs/" + job),
                state -> pacedTasksRunning(state) || JobStatus.valueOf(state.path("state").asText()).isGloballyTerminal());
        assertTrue(pacedTasksRunning(details), () -> details + ", root exception: " + rest.rootException(job));
        return job;
    }

    /** Whether every subtask of the paced vertex runs (the sources may have finished already). */
    private static boolean pacedTasksRunning(JsonNode job) {
        return StreamSupport.stream(job.path("vertices").spliterator(), false)
                .filter(vertex -> vertex.path("name").asText().startsWith("Map"))
                .anyMatch(vertex -> vertex.path("tasks").path("RUNNING").asInt() == vertex.path("parallelism").asInt());
    }

    private static void awaitFinished(RestClusterClient rest, JobID job) {
        await().atMost(JOB_END).until(() -> rest.jobStatus(job), JobStatus::isGloballyTerminal);
        assertEquals(JobStatus.FINISHED, rest.jobStatus(job), () -> "job failed: " + rest.rootException(job));
    }

    private static void assertExact(Path output) throws IOException {
        assertEquals(LongStream.range(0, RECORDS).map(n -> 2 * n).boxed().toList(),
                JobOutput.lines(output).stream().map(Long::parseLong).sorted().toList());
    }

    private String taskManager(int index) {
        return CLUSTER_ID + "-taskmanager-1-" + index;
    }

    private List<String> taskManagerPods() {
        return new ArrayList<>(ClusterObjects.names(session.objects().pods(ClusterObjects.TASKMANAGER)));
    }

    private void stopLeavesNothing() throws IOException, InterruptedException {
        assertEquals(0, session.stop().exitCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> session.objects().labelled().isEmpty());
    }
}
