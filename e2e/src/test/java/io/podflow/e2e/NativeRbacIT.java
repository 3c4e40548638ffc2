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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Must-show 6 of the native Kubernetes issue: a session whose service account may read but not create pods runs,
 * and a job on it fails with one line naming the verb, the resource, the service account and the
 * {@code kubectl create clusterrolebinding} that fixes it, without waiting for {@code slot.request.timeout}.
 */
@ExtendWith(LocalKubeExtension.class)
class NativeRbacIT {

    private static final String CLUSTER_ID = "rbac";
    private static final String SERVICE_ACCOUNT = "read-only";

    @Test
    void aJobOnASessionWhoseServiceAccountMayNotCreatePodsFailsSayingWhichRightIsMissingAndHowToGrantIt(
            LocalKube kube, TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        // the view role: it may list pods and read its Deployment, not create pods
        NamespaceRights.createServiceAccount(kube.client(), ns, SERVICE_ACCOUNT);
        NamespaceRights.grant(kube.client(), ns, SERVICE_ACCOUNT, "view");
        Distribution dist = Distribution.on(kube);
        NativeSession session = new NativeSession(dist, kube, ns, CLUSTER_ID);
        session.start("-Dkubernetes.jobmanager.service-account=" + SERVICE_ACCOUNT, "-Dslot.request.timeout=10 min");

        JobID job = session.submitDetached(2, JobJar.build(DoubledNumbersProgram.class,
                dist.workPath("rbac-job.jar")), dist.workPath(ns + "-out").toString(), "100");

        String expected = "Kubernetes does not allow service account '" + SERVICE_ACCOUNT + "' to create pods in "
                + "namespace '" + ns + "' (403 Forbidden); grant it the rights with: kubectl create "
                + "clusterrolebinding podflow-" + ns + "-" + SERVICE_ACCOUNT + " --clusterrole=edit --serviceaccount="
                + ns + ":" + SERVICE_ACCOUNT;
        try (ClusterConnection rest = session.rest()) {
            await().atMost(Duration.ofMinutes(3)).until(() -> rest.client().jobStatus(job) == JobStatus.FAILED);
            String why = rest.client().rootException(job);
            assertTrue(why.contains(expected), why);
        }
        assertEquals(List.of(), session.objects().pods(ClusterObjects.TASKMANAGER));

        assertEquals(0, session.stop().exitCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> session.objects().labelled().isEmpty());
    }

}
