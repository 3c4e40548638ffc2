package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.client.rest.ClusterConnection;
import io.podflow.e2e.job.DoubledNumbersProgram;
import io.podflow.e2e.support.ClusterObjects;
import io.podflow.e2e.support.Distribution;
import io.podflow.e2e.support.JobJar;
import io.podflow.e2e.support.NamespaceRights;
import io.podflow.e2e.support.NativeSession;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Must-show 4 of the native Kubernetes issue: TaskManagers that ask for more CPU than the node has stay Pending;
 * exactly the pods the job needs are requested, no more, however long they wait; after {@code slot.request.timeout}
 * the job's exceptions say why, in the scheduler's words.
 */
@ExtendWith(LocalKubeExtension.class)
class NativeCapacityIT {

    private static final String CLUSTER_ID = "capacity";

    @Test
    void taskManagersLargerThanTheNodeArePendingExactlyAsManyAsNeededAndTheJobSaysWhy(LocalKube kube,
            TestNamespace namespace) throws Exception {
        NamespaceRights.grantEdit(kube.client(), namespace.name());
        Distribution dist = Distribution.on(kube);
        NativeSession session = new NativeSession(dist, kube, namespace.name(), CLUSTER_ID);
        session.start("-Dtaskmanager.numberOfTaskSlots=2", "-Dkubernetes.taskmanager.cpu=1000",
                "-Dslot.request.timeout=90 s");
        ClusterObjects objects = session.objects();
        Path jar = JobJar.build(DoubledNumbersProgram.class, dist.workPath("capacity-job.jar"));

        JobID job = session.submitDetached(4, jar, dist.workPath(namespace.name() + "-out").toString(), "100");

        List<String> expectedPods = List.of(CLUSTER_ID + "-taskmanager-1-1", CLUSTER_ID + "-taskmanager-1-2");
        await().atMost(Duration.ofMinutes(3)).until(() -> objects.pods(ClusterObjects.TASKMANAGER),
                pods -> ClusterObjects.names(pods).equals(expectedPods)
                        && pods.stream().allMatch(pod -> "Pending".equals(pod.getStatus().getPhase())));
        try (ClusterConnection rest = session.rest()) {
            await().atMost(Duration.ofMinutes(5)).until(() -> rest.client().jobStatus(job) == JobStatus.FAILED);

            // the whole wait asked for no third pod (those it had are being deleted now that nobody needs them)
            assertTrue(expectedPods.containsAll(ClusterObjects.names(objects.pods(ClusterObjects.TASKMANAGER))));
            String why = rest.client().rootException(job);
            assertTrue(why.contains("Could not get the 4 slot(s)"), why);
            assertTrue(why.contains("2 TaskManager pod(s) are Pending because the scheduler cannot place them ("
                    + String.join(", ", expectedPods) + "): Unschedulable: "), why);
            assertTrue(why.contains("Insufficient cpu"), why);
        }

        assertEquals(0, session.stop().exitCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> objects.labelled().isEmpty());
    }
}
