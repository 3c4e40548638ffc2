package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.client.rest.ClusterConnection;
import io.podflow.e2e.job.PacedNumbersProgram;
import io.podflow.e2e.support.ClusterObjects;
import io.podflow.e2e.support.Distribution;
import io.podflow.e2e.support.JobJar;
import io.podflow.e2e.support.NamespaceRights;
import io.podflow.e2e.support.NativeSession;
import io.podflow.e2e.support.PodProcesses;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Must-show 5 of the native Kubernetes issue: the namespace, service-account, secret and REST Service type options
 * show on the objects a session creates (and the commands reach the session through each Service type) and, for
 * secrets, inside the running TaskManager process: the file where {@code kubernetes.secrets} mounts it, the variable
 * {@code kubernetes.env.secretKeyRef} names, and the cluster secret in its environment but not on its command line.
 */
@ExtendWith(LocalKubeExtension.class)
class NativeOptionsIT {

    private static final String SERVICE_ACCOUNT = "podflow";

    @Test
    void secretsServiceAccountAndNamespaceReachTheObjectsAndTheRunningTaskManager(LocalKube kube,
            TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        KubernetesClient client = kube.client();
        NamespaceRights.createServiceAccount(client, ns, SERVICE_ACCOUNT);
        NamespaceRights.grantEdit(client, ns, SERVICE_ACCOUNT);
        createSecret(client, ns, "foo", Map.of("password", "file-secret"));
        createSecret(client, ns, "foo-secret", Map.of("foo_key", "env-secret"));
        Distribution dist = Distribution.on(kube);
        NativeSession session = new NativeSession(dist, kube, ns, "options");
        session.start("-Dkubernetes.jobmanager.service-account=" + SERVICE_ACCOUNT,
                "-Dkubernetes.secrets=foo:/opt/foo",
                "-Dkubernetes.env.secretKeyRef=env:FOO_ENV,secret:foo-secret,key:foo_key");
        ClusterObjects objects = session.objects();

        PodSpec jobManager = objects.pods(ClusterObjects.JOBMANAGER).get(0).getSpec();
        assertEquals(SERVICE_ACCOUNT, jobManager.getServiceAccountName());
        assertCarriesTheSecrets(jobManager);

        JobID job = session.submitDetached(2, JobJar.build(PacedNumbersProgram.class,
                dist.workPath("options-job.jar")), dist.workPath(ns + "-out").toString(), "400", "50");
        await().atMost(Duration.ofMinutes(4)).until(() -> objects.runningPods(ClusterObjects.TASKMANAGER),
                pods -> !pods.isEmpty());
        String taskManagerPod = objects.runningPods(ClusterObjects.TASKMANAGER).get(0).getMetadata().getName();
        assertCarriesTheSecrets(objects.pods(ClusterObjects.TASKMANAGER).get(0).getSpec());
        ProcessHandle taskManager = await().atMost(Duration.ofMinutes(2))
                .until(() -> PodProcesses.jvm(kube, ns, taskManagerPod), Optional::isPresent).get();
        String environment = Files.readString(Path.of("/proc", Long.toString(taskManager.pid()), "environ"),
                StandardCharsets.UTF_8);
        assertTrue(List.of(environment.split("\0")).contains("FOO_ENV=env-secret"), environment);
        assertTheClusterSecretIsInTheEnvironmentOnly(taskManager, environment);
        assertEquals("file-secret", Files.readString(PodProcesses.asSeenBy(taskManager, "/opt/foo/password")));

        try (ClusterConnection rest = session.rest()) {
            await().atMost(Duration.ofMinutes(4)).until(() -> rest.client().jobStatus(job),
                    JobStatus::isGloballyTerminal);
            assertEquals(JobStatus.FINISHED, rest.client().jobStatus(job));
        }
        assertEquals(0, session.stop().exitCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> objects.labelled().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ClusterIP", "NodePort", "LoadBalancer"})
    void theRestServiceHasTheTypeAskedForAndCommandsReachTheSessionThroughIt(String type, LocalKube kube,
            TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        NamespaceRights.grantEdit(kube.client(), ns);
        NativeSession session = new NativeSession(Distribution.on(kube), kube, ns, "exposed");
        session.start("-Dkubernetes.rest-service.exposed.type=" + type);

        assertEquals(type, kube.client().services().inNamespace(ns).withName("exposed-rest").get().getSpec()
                .getType());
        try (ClusterConnection rest = session.rest()) {
            assertEquals(List.of(), rest.client().listJobs());
        }
        assertEquals(0, session.stop().exitCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> session.objects().labelled().isEmpty());
    }

    /** The process reads the cluster secret from its environment: ps, which any user of the host runs, shows none. */
    private static void assertTheClusterSecretIsInTheEnvironmentOnly(ProcessHandle process, String environment)
            throws IOException {
        String secret = List.of(environment.split("\0")).stream()
                .filter(variable -> variable.startsWith("PODFLOW_CLUSTER_SECRET=")).findFirst()
                .map(variable -> variable.substring("PODFLOW_CLUSTER_SECRET=".length())).orElse("");
        assertFalse(secret.isEmpty(), environment);
        String commandLine = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"),
                StandardCharsets.UTF_8);
        assertFalse(commandLine.contains(secret), "the cluster secret is on the command line");
    }

    private static void assertCarriesTheSecrets(PodSpec pod) {
        Container main = pod.getContainers().get(0);
        assertTrue(pod.getVolumes().stream().anyMatch(volume -> volume.getSecret() != null
                && "foo".equals(volume.getSecret().getSecretName())), pod.getVolumes().toString());
        assertTrue(main.getVolumeMounts().stream().anyMatch(mount -> "/opt/foo".equals(mount.getMountPath())),
                main.getVolumeMounts().toString());
        EnvVar env = main.getEnv().stream().filter(variable -> "FOO_ENV".equals(variable.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no FOO_ENV in " + main.getEnv()));
        assertEquals("foo-secret", env.getValueFrom().getSecretKeyRef().getName());
        assertEquals("foo_key", env.getValueFrom().getSecretKeyRef().getKey());
    }

    private static void createSecret(KubernetesClient client, String namespace, String name,
            Map<String, String> data) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
                .endMetadata().withStringData(data).build()).create();
    }
}
