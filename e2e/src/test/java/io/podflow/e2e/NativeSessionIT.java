package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.e2e.job.DoubledNumbersProgram;
import io.podflow.e2e.support.ClusterObjects;
import io.podflow.e2e.support.CommandResult;
import io.podflow.e2e.support.Distribution;
import io.podflow.e2e.support.JobJar;
import io.podflow.e2e.support.JobOutput;
import io.podflow.e2e.support.NamespaceRights;
import io.podflow.e2e.support.PodProcesses;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Must-show 1 of the native Kubernetes issue, run as a user types it against localkube: {@code kubernetes-session.sh}
 * starts a session whose JobManager runs alone, {@code bin/flink run} of a job of parallelism 4 makes it create
 * exactly two TaskManager pods of two slots, the output is exact, idle TaskManagers are released, and
 * {@code stop} removes every object labelled with the session's id.
 */
@ExtendWith(LocalKubeExtension.class)
class NativeSessionIT {

    private static final String CLUSTER_ID = "s1";
    private static final long RECORDS = 10_000;
    private static final Pattern FINISHED_JOB = Pattern.compile("Job with JobID ([0-9a-f]{32}) has finished");

    @Test
    void aSessionRunsAJobOnTwoTaskManagerPodsReleasesThemWhenIdleAndStopRemovesEverything(LocalKube kube,
            KubernetesClient client, TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        Distribution dist = Distribution.on(kube);
        ClusterObjects session = new ClusterObjects(client, ns, CLUSTER_ID);
        NamespaceRights.grantEdit(client, ns);
        List<String> sessionOptions = List.of("-Dkubernetes.cluster-id=" + CLUSTER_ID, "-Dkubernetes.namespace=" + ns);

        CommandResult started = dist.run("kubernetes-session.sh", args(sessionOptions,
                "-Dtaskmanager.numberOfTaskSlots=2", "-Dkubernetes.container.image=podflow",
                "-Dresourcemanager.taskmanager-timeout=20s"));

        assertEquals(0, started.exitCode(), started.output());
        assertTrue(started.output().contains("Session '" + CLUSTER_ID + "' is ready"), started.output());
        assertEquals(List.of("Deployment/" + CLUSTER_ID), session.labelled().stream()
                .filter(object -> object.startsWith("Deployment/")).toList());
        assertEquals(List.of(CLUSTER_ID, CLUSTER_ID + "-rest"), ClusterObjects.names(client.services()
                .inNamespace(ns).withLabel("app", CLUSTER_ID).list().getItems()));
        assertEquals(List.of("flink-config-" + CLUSTER_ID), ClusterObjects.names(client.configMaps()
                .inNamespace(ns).withLabel("app", CLUSTER_ID).list().getItems()));
        List<Pod> jobManagers = session.runningPods(ClusterObjects.JOBMANAGER);
        assertEquals(1, jobManagers.size());
        assertTrue(ready(jobManagers.get(0)), "the session was reported ready before its JobManager pod was Ready");
        ProcessHandle jobManagerJvm = PodProcesses.jvm(kube, ns, jobManagers.get(0).getMetadata().getName())
                .orElseThrow();
        assertTrue(Files.readString(Path.of("/proc", Long.toString(jobManagerJvm.pid()), "maps"))
                .contains("/opt/flink/lib/podflow-classes.jsa"), "the JobManager's JVM maps the image's class archive");
        assertEquals(List.of(), session.pods(ClusterObjects.TASKMANAGER));

        Path output = dist.workPath(ns + "-out");
        Path jar = JobJar.build(DoubledNumbersProgram.class, dist.workPath("doubled-numbers.jar"));
        CommandResult submitted = dist.run("flink", args("run", "-t", "kubernetes-session",
                sessionOptions, "-p", "4", jar.toString(), output.toString(), Long.toString(RECORDS)));

        assertEquals(0, submitted.exitCode(), submitted.output());
        Matcher finished = FINISHED_JOB.matcher(submitted.output());
        assertTrue(finished.find(), submitted.output());
        assertEquals(List.of(CLUSTER_ID + "-taskmanager-1-1", CLUSTER_ID + "-taskmanager-1-2"),
                ClusterObjects.names(session.pods(ClusterObjects.TASKMANAGER)));
        assertEquals(LongStream.range(0, RECORDS).map(n -> 2 * n).boxed().toList(),
                JobOutput.lines(output).stream().map(Long::parseLong).sorted().toList());
        CommandResult listed = dist.run("flink", args("list", "-t", "kubernetes-session", sessionOptions));
        assertEquals(0, listed.exitCode(), listed.output());
        assertTrue(listed.output().contains(" : " + finished.group(1) + " : doubled numbers (FINISHED)"),
                listed.output());

        await().atMost(Duration.ofSeconds(90)).until(() -> session.pods(ClusterObjects.TASKMANAGER).isEmpty());
        assertEquals(1, session.pods().size());

        CommandResult stopped = dist.run("kubernetes-session.sh", "stop\n",
                args(sessionOptions, "-Dexecution.attached=true"));

        assertEquals(0, stopped.exitCode(), stopped.output());
        await().atMost(Duration.ofSeconds(60)).until(() -> session.labelled().isEmpty());
    }

    @Test
    void submittingToASessionThatDoesNotExistSaysSoInOneLine(LocalKube kube, TestNamespace namespace)
            throws Exception {
        Distribution dist = Distribution.on(kube);
        CommandResult submitted = dist.run("flink", List.of("run", "-t", "kubernetes-session",
                "-Dkubernetes.cluster-id=nosuch", "-Dkubernetes.namespace=" + namespace.name(),
                dist.home().resolve("examples/streaming/WordCount.jar").toString()));

        assertEquals(1, submitted.exitCode(), submitted.output());
        assertEquals("There is no cluster 'nosuch' in namespace '" + namespace.name() + "' (no Service nosuch-rest); "
                + "check -Dkubernetes.cluster-id and -Dkubernetes.namespace, or start it with "
                + "./bin/kubernetes-session.sh -Dkubernetes.cluster-id=nosuch", submitted.output().strip());
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus().getConditions().stream()
                .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
    }

    /** A command line of {@code parts}: each a string, or a list of strings spliced in. */
    private static List<String> args(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(item -> all.add((String) item));
            } else {
                all.add((String) part);
            }
        }
        return all;
    }
}
