package io.podflow.jobmanager.resourcemanager.kubernetes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.MemorySize;
import io.podflow.jobmanager.resourcemanager.WorkerDemand;
import io.podflow.jobmanager.resourcemanager.WorkerSpec;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.resourcemanager.ResourceManagerOptions;
import io.podflow.protocol.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against a mock API server that keeps objects (CRUD mode), as a JobManager pod would use it. */
@EnableKubernetesMockClient(crud = true)
class KubernetesResourceManagerDriverTest {

    private static final String NAMESPACE = "test";
    private static final WorkerSpec SPEC = new WorkerSpec(2, MemorySize.parse("1g"));

    KubernetesClient client;
    KubernetesMockServer server;

    private final List<KubernetesResourceManagerDriver> drivers = new ArrayList<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Configuration config = new Configuration();
    private Deployment deployment;

    @BeforeEach
    void createTheJobManagerDeployment() {
        config.set(KubernetesConfigOptions.CLUSTER_ID, "s1");
        config.set(KubernetesConfigOptions.NAMESPACE, NAMESPACE);
        config.set(KubernetesConfigOptions.JOBMANAGER_SERVICE_ACCOUNT, "flink");
        deployment = client.apps().deployments().inNamespace(NAMESPACE).resource(new DeploymentBuilder()
                .withNewMetadata().withName("s1").endMetadata().build()).create();
    }

    @AfterEach
    void closeDrivers() {
        drivers.forEach(KubernetesResourceManagerDriver::close);
    }

    @Test
    void demandOfTwoCreatesExactlyTwoLabelledOwnedPods() {
        RecordingWorkerEvents events = new RecordingWorkerEvents();
        KubernetesResourceManagerDriver driver = start(events);

        driver.reconcile(demand(2, Set.of(), Set.of()));

        eventually().until(() -> podNames().size() == 2);
        assertEquals(Set.of("s1-taskmanager-1-1", "s1-taskmanager-1-2"), podNames());
        for (Pod pod : pods()) {
            Map<String, String> labels = pod.getMetadata().getLabels();
            assertEquals("s1", labels.get("app"));
            assertEquals("taskmanager", labels.get("component"));
            assertEquals("flink-native-kubernetes", labels.get("type"));
            OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
            assertEquals("Deployment", owner.getKind());
            assertEquals("s1", owner.getName());
            assertEquals(deployment.getMetadata().getUid(), owner.getUid());
        }
        eventually().until(() -> events.started.size() == 2);
    }

    @Test
    void aTaskManagerMemoryThatDoesNotFitStopsTheJobManagerAtStartWithOneLine() {
        config.setString("taskmanager.memory.process.size", "600m");

        IllegalConfigurationException refused = assertThrows(IllegalConfigurationException.class,
                () -> new KubernetesResourceManagerDriver(config, client, Clock.systemUTC()));

        assertTrue(refused.getMessage().startsWith("taskmanager.memory.process.size (600m) leaves nothing for the JVM"
                + " heap"), refused.getMessage());
    }

    @Test
    void pendingPodsAreNotRequestedAgain() throws InterruptedException {
        KubernetesResourceManagerDriver driver = start(new RecordingWorkerEvents());
        driver.reconcile(demand(2, Set.of(), Set.of()));
        eventually().until(() -> podNames().size() == 2);
        setPhase("s1-taskmanager-1-1", "Pending");
        setPhase("s1-taskmanager-1-2", "Pending");

        driver.reconcile(demand(2, Set.of(), Set.of()));
        driver.reconcile(demand(2, Set.of(), Set.of()));
        // no demand left: the pending pods are deleted; any pod wrongly requested above would show as a third POST
        driver.reconcile(demand(0, Set.of(), Set.of()));

        eventually().until(() -> podNames().isEmpty());
        assertEquals(2, podCreations());
    }

    @Test
    void podFailedBeforeRegisteringIsDeletedAndReplaced() {
        KubernetesResourceManagerDriver driver = start(new RecordingWorkerEvents());
        driver.reconcile(demand(1, Set.of(), Set.of()));
        eventually().until(() -> podNames().equals(Set.of("s1-taskmanager-1-1")));

        setPhase("s1-taskmanager-1-1", "Failed");

        eventually().until(() -> podNames().equals(Set.of("s1-taskmanager-1-2")));
    }

    @Test
    void runningPodThatNeverRegistersIsDeletedAfterTheRegistrationTimeout() {
        config.set(ResourceManagerOptions.TASKMANAGER_REGISTRATION_TIMEOUT, Duration.ofMillis(300));
        KubernetesResourceManagerDriver driver = start(new RecordingWorkerEvents());
        driver.reconcile(demand(1, Set.of(), Set.of()));
        eventually().until(() -> podNames().equals(Set.of("s1-taskmanager-1-1")));

        setPhase("s1-taskmanager-1-1", "Running");

        eventually().until(() -> podNames().equals(Set.of("s1-taskmanager-1-2")));
    }

    @Test
    void releasedWorkerHasItsPodDeleted() {
        KubernetesResourceManagerDriver driver = start(new RecordingWorkerEvents());
        driver.reconcile(demand(1, Set.of(), Set.of()));
        eventually().until(() -> podNames().equals(Set.of("s1-taskmanager-1-1")));
        setPhase("s1-taskmanager-1-1", "Running");
        driver.reconcile(demand(0, Set.of(id("s1-taskmanager-1-1")), Set.of()));

        driver.releaseWorker(id("s1-taskmanager-1-1"), "no heartbeat");

        eventually().until(() -> podNames().isEmpty());
    }

    @Test
    void idleTaskManagerIsReleasedAfterTheTaskManagerTimeout() {
        config.set(ResourceManagerOptions.TASKMANAGER_TIMEOUT, Duration.ofMillis(300));
        RecordingWorkerEvents events = new RecordingWorkerEvents();
        KubernetesResourceManagerDriver driver = start(events);
        driver.reconcile(demand(1, Set.of(), Set.of()));
        eventually().until(() -> podNames().equals(Set.of("s1-taskmanager-1-1")));
        setPhase("s1-taskmanager-1-1", "Running");

        driver.reconcile(demand(0, Set.of(id("s1-taskmanager-1-1")), Set.of(id("s1-taskmanager-1-1"))));

        eventually().until(() -> podNames().isEmpty());
        assertEquals(1, events.terminated.size());
        assertTrue(events.terminated.get(0).startsWith("s1-taskmanager-1-1: its TaskManager was idle"),
                events.terminated.get(0));
    }

    @Test
    void registrationFromAPodItDoesNotKnowIsRefused() {
        KubernetesResourceManagerDriver driver = start(new RecordingWorkerEvents());
        driver.reconcile(demand(1, Set.of(), Set.of()));
        eventually().until(() -> driver.refusalReasonFor(id("s1-taskmanager-1-1")) == null);

        String refusal = driver.refusalReasonFor(id("s2-taskmanager-1-1"));

        assertNotNull(refusal);
        assertTrue(refusal.contains("not a TaskManager pod of cluster 's1'"), refusal);
    }

    @Test
    void restartedJobManagerAwaitsLivePodsOfThePreviousAttemptAndDeletesDeadOnes() throws InterruptedException {
        KubernetesResourceManagerDriver previous = start(new RecordingWorkerEvents());
        previous.reconcile(demand(2, Set.of(), Set.of()));
        eventually().until(() -> podNames().size() == 2);
        previous.close();
        setPhase("s1-taskmanager-1-1", "Running");
        setPhase("s1-taskmanager-1-2", "Failed");

        KubernetesResourceManagerDriver restarted = start(new RecordingWorkerEvents());
        restarted.reconcile(demand(2, Set.of(), Set.of()));

        eventually().until(() -> podNames().equals(Set.of("s1-taskmanager-1-1")));
        assertNull(restarted.refusalReasonFor(id("s1-taskmanager-1-1")));

        restarted.reconcile(demand(2, Set.of(id("s1-taskmanager-1-1")), Set.of()));

        eventually().until(() -> podNames().equals(Set.of("s1-taskmanager-1-1", "s1-taskmanager-2-1")));
        assertEquals(3, podCreations());
    }

    @Test
    void forbiddenPodCreationIsNotRetriedAndReachesTheResourceManagerAsOneLineWithTheFix()
            throws InterruptedException {
        refusePodCreation(403, "Forbidden", "pods is forbidden: User \"system:serviceaccount:test:flink\" cannot "
                + "create resource \"pods\" in API group \"\" in the namespace \"test\"");
        RecordingWorkerEvents events = new RecordingWorkerEvents();
        KubernetesResourceManagerDriver driver = start(events);

        driver.reconcile(demand(2, Set.of(), Set.of()));
        eventually().until(() -> events.requestFailures.size() == 1);
        // the same demand again, as every heartbeat tick hands it over: no new attempt
        driver.reconcile(demand(2, Set.of(), Set.of()));
        driver.reconcile(demand(2, Set.of(), Set.of()));

        String expected = "Kubernetes does not allow service account 'flink' to create pods in namespace 'test' "
                + "(403 Forbidden); grant it the rights with: kubectl create clusterrolebinding podflow-test-flink "
                + "--clusterrole=edit --serviceaccount=test:flink";
        eventually().until(() -> driver.missingWorkersReason().isPresent());
        assertEquals(List.of(expected), events.requestFailures);
        assertEquals(Optional.of("Kubernetes refuses to create TaskManager pods: " + expected),
                driver.missingWorkersReason());
        assertEquals(2, podCreations());
    }

    @Test
    void anInvalidPodIsTriedAgainOnlyWhenTheDemandChanges() throws InterruptedException {
        refusePodCreation(422, "Invalid", "Pod \"s1-taskmanager-1-1\" is invalid: spec.containers[0].resources");
        RecordingWorkerEvents events = new RecordingWorkerEvents();
        KubernetesResourceManagerDriver driver = start(events);
        driver.reconcile(demand(1, Set.of(), Set.of()));
        eventually().until(() -> events.requestFailures.size() == 1);
        driver.reconcile(demand(1, Set.of(), Set.of()));

        driver.reconcile(demand(2, Set.of(), Set.of()));

        eventually().until(() -> events.requestFailures.size() == 2 && podCreations() == 3);
        assertTrue(events.requestFailures.get(0).startsWith("Kubernetes refused to create pods in namespace 'test' "
                + "(422): Pod \"s1-taskmanager-1-1\" is invalid"), events.requestFailures.get(0));
    }

    @Test
    void podsTheSchedulerCannotPlaceAreWaitedForAndExplained() throws InterruptedException {
        KubernetesResourceManagerDriver driver = start(new RecordingWorkerEvents());
        driver.reconcile(demand(2, Set.of(), Set.of()));
        eventually().until(() -> podNames().size() == 2);

        for (String name : podNames()) {
            client.pods().inNamespace(NAMESPACE).withName(name).editStatus(pod -> new PodBuilder(pod)
                    .withStatus(new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("PodScheduled")
                            .withStatus("False").withReason("Unschedulable")
                            .withMessage("0/1 nodes are available: 1 Insufficient cpu.").endCondition().build())
                    .build());
        }
        driver.reconcile(demand(2, Set.of(), Set.of()));

        eventually().until(() -> driver.missingWorkersReason().filter(reason -> reason.contains("2 TaskManager "
                + "pod(s) are Pending")).isPresent());
        assertTrue(driver.missingWorkersReason().get().contains("Unschedulable: 0/1 nodes are available: "
                + "1 Insufficient cpu."), driver.missingWorkersReason().get());
        assertEquals(2, podCreations());
    }

    @Test
    void aPodThatAlreadyExistsCountsAsCreatedAndIsNotReplaced() throws InterruptedException {
        // as when the answer to the first try was lost and the client sent the creation again
        server.expect().post().withPath("/api/v1/namespaces/test/pods").andReturn(409, failure(409, "AlreadyExists",
                "pods \"s1-taskmanager-1-1\" already exists")).once();
        RecordingWorkerEvents events = new RecordingWorkerEvents();
        KubernetesResourceManagerDriver driver = start(events);

        driver.reconcile(demand(2, Set.of(), Set.of()));

        eventually().until(() -> events.started.size() == 2);
        driver.reconcile(demand(2, Set.of(), Set.of()));
        assertEquals(Set.of(id("s1-taskmanager-1-1"), id("s1-taskmanager-1-2")), Set.copyOf(events.started));
        assertEquals(List.of(), events.requestFailures);
        assertEquals(2, podCreations());
    }

    private void refusePodCreation(int code, String reason, String message) {
        server.expect().post().withPath("/api/v1/namespaces/test/pods").andReturn(code, failure(code, reason, message))
                .always();
    }

    private static Status failure(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withReason(reason).withCode(code).withMessage(message).build();
    }

    /** The build machine is shared; a generous bound keeps a slow API round trip from failing the test. */
    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60));
    }

    private KubernetesResourceManagerDriver start(RecordingWorkerEvents events) {
        KubernetesResourceManagerDriver driver = new KubernetesResourceManagerDriver(config, client,
                Clock.systemUTC());
        drivers.add(driver);
        driver.start(events);
        return driver;
    }

    private static WorkerDemand demand(int wanted, Set<ResourceID> registered, Set<ResourceID> idle) {
        return new WorkerDemand(wanted, SPEC, registered, idle);
    }

    private static ResourceID id(String podName) {
        return ResourceID.of(podName);
    }

    private List<Pod> pods() {
        return client.pods().inNamespace(NAMESPACE).list().getItems();
    }

    private Set<String> podNames() {
        return pods().stream().map(pod -> pod.getMetadata().getName()).collect(Collectors.toSet());
    }

    private void setPhase(String podName, String phase) {
        client.pods().inNamespace(NAMESPACE).withName(podName).editStatus(pod -> new PodBuilder(pod)
                .withStatus(new PodStatusBuilder().withPhase(phase).build()).build());
    }

    /** How many pod creations the API server has received so far. */
    private long podCreations() throws InterruptedException {
        RecordedRequest request;
        while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
            requests.add(request);
        }
        return requests.stream().filter(r -> r.getMethod().equals("POST")
                && r.getPath().equals("/api/v1/namespaces/test/pods")).count();
    }
}
