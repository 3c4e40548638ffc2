package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaskManagerPodFactoryTest {

    private static final OwnerReference OWNER = new OwnerReferenceBuilder().withApiVersion("apps/v1")
            .withKind("Deployment").withName("s1").withUid("uid-1").withController(true).build();

    @Test
    void podFollowsTheSeedsSessionExample() {
        Pod pod = create(Map.of("taskmanager.memory.process.size", "4096m", "kubernetes.taskmanager.cpu", "2",
                "taskmanager.numberOfTaskSlots", "4")).create("s1-taskmanager-1-3");

        Container container = pod.getSpec().getContainers().get(0);
        assertEquals("s1-taskmanager-1-3", pod.getMetadata().getName());
        assertEquals("default", pod.getMetadata().getNamespace());
        assertEquals("Never", pod.getSpec().getRestartPolicy());
        assertEquals(List.of(OWNER), pod.getMetadata().getOwnerReferences());
        assertEquals(new Quantity("4096Mi"), container.getResources().getRequests().get("memory"));
        assertEquals(new Quantity("2"), container.getResources().getLimits().get("cpu"));
        assertEquals(List.of(6122, 6121), container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
        assertEquals(List.of("kubernetes-taskmanager", "-Dtaskmanager.resource-id=s1-taskmanager-1-3",
                "-Djobmanager.rpc.address=s1.default"), container.getArgs());
        // overhead 409m, metaspace 256m, network 343m and framework off-heap 128m: the heap is the 2960m left
        assertEquals(new EnvVar("PODFLOW_JVM_MEMORY_FLAGS", "-Xmx" + mebiBytes(2960) + " -Xms" + mebiBytes(2960)
                + " -XX:MaxMetaspaceSize=" + mebiBytes(256) + " -XX:MaxDirectMemorySize=" + mebiBytes(343 + 128), null),
                env(container).get("PODFLOW_JVM_MEMORY_FLAGS"));
        Map<String, String> labels = pod.getMetadata().getLabels();
        assertEquals("s1", labels.get("app"));
        assertEquals("taskmanager", labels.get("component"));
        assertEquals("flink-native-kubernetes", labels.get("type"));
    }

    @Test
    void aProcessSizeTheMemoryDoesNotFitInIsRefusedBeforeAnyPod() {
        IllegalConfigurationException refused = assertThrows(IllegalConfigurationException.class,
                () -> create(Map.of("taskmanager.memory.process.size", "600m")));

        assertTrue(refused.getMessage().startsWith("taskmanager.memory.process.size (600m) leaves nothing for the JVM"
                + " heap"), refused.getMessage());
    }

    @Test
    void cpuDefaultsToOnePerSlot() {
        Pod pod = create(Map.of("taskmanager.numberOfTaskSlots", "3")).create("s1-taskmanager-1-1");

        assertEquals(new Quantity("3"),
                pod.getSpec().getContainers().get(0).getResources().getRequests().get("cpu"));
    }

    @Test
    void secretsEnvLabelsAndPlacementComeFromTheTaskManagerOptions() {
        Pod pod = create(Map.of("kubernetes.secrets", "foo:/opt/foo",
                "kubernetes.env.secretKeyRef", "env:FOO_ENV,secret:foo-secret,key:foo_key",
                "containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS", "s3.jar",
                "containerized.master.env.ONLY_JM", "x",
                "kubernetes.taskmanager.labels", "team:data", "kubernetes.taskmanager.node-selector", "disk:ssd",
                "kubernetes.taskmanager.tolerations", "key:spot,operator:Exists",
                "kubernetes.taskmanager.service-account", "tm-sa", "kubernetes.container.image.pull-secrets", "reg"))
                .create("s1-taskmanager-1-1");

        Container container = pod.getSpec().getContainers().get(0);
        Map<String, EnvVar> env = env(container);
        assertEquals("s3.jar", env.get("ENABLE_BUILT_IN_PLUGINS").getValue());
        assertTrue(!env.containsKey("ONLY_JM"));
        assertEquals("foo_key", env.get("FOO_ENV").getValueFrom().getSecretKeyRef().getKey());
        assertEquals("cluster.secret", env.get("PODFLOW_CLUSTER_SECRET").getValueFrom().getSecretKeyRef().getKey());
        assertTrue(!env.containsKey("PODFLOW_REST_AUTHENTICATION_TOKEN"));
        assertEquals("status.podIP", env.get("POD_IP").getValueFrom().getFieldRef().getFieldPath());
        assertEquals(List.of("flink-config-s1", "foo"), pod.getSpec().getVolumes().stream()
                .map(TaskManagerPodFactoryTest::source).toList());
        assertEquals("data", pod.getMetadata().getLabels().get("team"));
        assertEquals(Map.of("disk", "ssd"), pod.getSpec().getNodeSelector());
        assertEquals("spot", pod.getSpec().getTolerations().get(0).getKey());
        assertEquals("tm-sa", pod.getSpec().getServiceAccountName());
        assertEquals("reg", pod.getSpec().getImagePullSecrets().get(0).getName());
    }

    @Test
    void eachPodIsBuiltAfreshFromTheSameSteps() {
        TaskManagerPodFactory factory = create(Map.of());

        Pod first = factory.create("s1-taskmanager-1-1");
        Pod second = factory.create("s1-taskmanager-1-2");

        assertEquals("s1-taskmanager-1-1", first.getMetadata().getName());
        assertEquals(first.getSpec().getVolumes(), second.getSpec().getVolumes());
        assertEquals(first.getSpec().getContainers().get(0).getEnv(), second.getSpec().getContainers().get(0).getEnv());
    }

    private static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, variable -> variable));
    }

    private static String mebiBytes(long mebiBytes) {
        return Long.toString(mebiBytes << 20);
    }

    private static String source(Volume volume) {
        return volume.getConfigMap() != null ? volume.getConfigMap().getName() : volume.getSecret().getSecretName();
    }

    private static TaskManagerPodFactory create(Map<String, String> entries) {
        Map<String, String> all = new HashMap<>(entries);
        all.put("kubernetes.cluster-id", "s1");
        return new TaskManagerPodFactory(Configuration.fromMap(all), OWNER);
    }
}
