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
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void aSessionRunsAJobOnTwoTaskManagerPodsReleasesThemWhenIdleAndStopRemovesEverything(LocalKube kube,
            KubernetesClient client, TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        Distribution dist = Distribution.on(kube);
        ClusterObjects session = new ClusterObjects(client, ns, CLUSTER_ID);
        NamespaceRights.grantEdit(client, ns);
        List<String> sessionOptions = List.of("-Dkubernetes.cluster-id=" + CLUSTER_ID, "-Dkubernetes.namespace=" + ns);

        CommandResult started = dist.run("kubernetes-session.sh", concat(sessionOptions,
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
        Pod jobManager = await().atMost(STARTUP).until(() -> session.runningPods(ClusterObjects.JOBMANAGER),
                pods -> !pods.isEmpty()).get(0);
        assertEquals(List.of(), session.pods(ClusterObjects.TASKMANAGER));
        // the CLI counts a Running JobManager pod as ready, which can be before its REST server listens
        InetSocketAddress rest = new InetSocketAddress(jobManager.getStatus().getPodIP(), 8081);
        await().atMost(STARTUP).ignoreExceptions().until(() -> accepts(rest));

        String token = new String(Base64.getDecoder().decode(client.secrets().inNamespace(ns)
                .withName(CLUSTER_ID + "-secret").get().getData().get("rest.authentication.token")),
                StandardCharsets.UTF_8);
        Path output = dist.workPath(ns + "-out");
        Path jar = JobJar.build(DoubledNumbersProgram.class, dist.workPath("doubled-numbers.jar"));
        CommandResult submitted = dist.run("flink", List.of("run", "-m", rest.getHostString() + ":8081",
                "-Drest.authentication.token=" + token, "-p", "4", jar.toString(), output.toString(),
                Long.toString(RECORDS)));

        assertEquals(0, submitted.exitCode(), submitted.output());
        assertTrue(submitted.output().contains("has finished"), submitted.output());
        assertEquals(List.of(CLUSTER_ID + "-taskmanager-1-1", CLUSTER_ID + "-taskmanager-1-2"),
                ClusterObjects.names(session.pods(ClusterObjects.TASKMANAGER)));
        assertEquals(LongStream.range(0, RECORDS).map(n -> 2 * n).boxed().toList(),
                JobOutput.lines(output).stream().map(Long::parseLong).sorted().toList());

        await().atMost(Duration.ofSeconds(90)).until(() -> session.pods(ClusterObjects.TASKMANAGER).isEmpty());
        assertEquals(1, session.pods().size());

        CommandResult stopped = dist.run("kubernetes-session.sh", "stop\n",
                concat(sessionOptions, "-Dexecution.attached=true"));

        assertEquals(0, stopped.exitCode(), stopped.output());
        await().atMost(Duration.ofSeconds(60)).until(() -> session.labelled().isEmpty());
    }

    private static boolean accepts(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            return true;
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
