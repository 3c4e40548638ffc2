package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.spec.JobManagerSpecFactory.Mode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobManagerSpecFactoryTest {

    private static final Map<String, String> LOGGING = Map.of("log4j-console.properties", "rootLogger.level = INFO");

    @Test
    void objectsAreNamedAndLabelledAsTheDesignSays() {
        JobManagerSpec spec = create(Map.of("kubernetes.cluster-id", "s1", "kubernetes.namespace", "team-a"));

        assertEquals("s1", spec.deployment().getMetadata().getName());
        assertEquals("flink-config-s1", spec.configMap().getMetadata().getName());
        assertEquals("s1-secret", spec.secret().getMetadata().getName());
        assertEquals("s1", spec.internalService().getMetadata().getName());
        assertEquals("s1-rest", spec.restService().getMetadata().getName());
        for (HasMetadata object : List.of(spec.deployment(), spec.configMap(), spec.secret(), spec.internalService(),
                spec.restService())) {
            assertEquals("team-a", object.getMetadata().getNamespace());
            assertEquals("s1", object.getMetadata().getLabels().get("app"));
            assertEquals("flink-native-kubernetes", object.getMetadata().getLabels().get("type"));
        }
        assertEquals("jobmanager", spec.deployment().getSpec().getTemplate().getMetadata().getLabels()
                .get("component"));
    }

    @Test
    void deploymentRunsOneJobManagerWithPortsResourcesAndConfig() {
        JobManagerSpec spec = create(Map.of("kubernetes.cluster-id", "s1", "jobmanager.memory.process.size", "2g",
                "kubernetes.jobmanager.cpu", "1.5", "kubernetes.container.image", "podflow:dev",
                "kubernetes.jobmanager.service-account", "flink"));

        assertEquals(1, spec.deployment().getSpec().getReplicas());
        assertEquals("Recreate", spec.deployment().getSpec().getStrategy().getType());
        assertEquals(Map.of("app", "s1", "type", "flink-native-kubernetes", "component", "jobmanager"),
                spec.deployment().getSpec().getSelector().getMatchLabels());
        PodSpec pod = spec.deployment().getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertEquals("podflow:dev", container.getImage());
        assertEquals("flink", pod.getServiceAccountName());
        assertEquals(List.of(8081, 6123, 6124),
                container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
        assertEquals(new Quantity("2048Mi"), container.getResources().getLimits().get("memory"));
        assertEquals(new Quantity("1.5"), container.getResources().getRequests().get("cpu"));
        assertEquals("flink-config-s1", pod.getVolumes().get(0).getConfigMap().getName());
        assertEquals(List.of("/opt/flink/docker-entrypoint.sh"), container.getCommand());
        assertEquals(List.of("kubernetes-jobmanager"), container.getArgs());
    }

    @Test
    void theJobManagerContainerCarriesTheJvmMemoryFlagsOfItsProcessSize() {
        JobManagerSpec spec = create(Map.of("kubernetes.cluster-id", "s1", "jobmanager.memory.process.size", "768m"));

        Map<String, String> env = spec.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .stream().filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        // 768m - JVM overhead 192m - metaspace 256m - off-heap 128m
        assertEquals("-Xmx201326592 -Xms201326592 -XX:MaxMetaspaceSize=268435456 -XX:MaxDirectMemorySize=134217728",
                env.get("PODFLOW_JVM_MEMORY_FLAGS"));
    }

    @Test
    void applicationModeStartsTheApplicationEntrypoint() {
        JobManagerSpec spec = JobManagerSpecFactory.create(Configuration.fromMap(Map.of("kubernetes.cluster-id", "a1")),
                Mode.APPLICATION, "secret", "token", Map.of());

        assertEquals(List.of("kubernetes-application"),
                spec.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
    }

    @Test
    void containersGetUserEnvAndTheClusterSecretFromTheSecretOnly() {
        JobManagerSpec spec = create(Map.of("kubernetes.cluster-id", "s1",
                "containerized.master.env.ENABLE_BUILT_IN_PLUGINS", "s3.jar", "cluster.secret", "s3cr3t"));

        Map<String, EnvVar> env = spec.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .stream().collect(Collectors.toMap(EnvVar::getName, variable -> variable));
        assertEquals("s3.jar", env.get("ENABLE_BUILT_IN_PLUGINS").getValue());
        assertEquals("s1-secret", env.get("PODFLOW_CLUSTER_SECRET").getValueFrom().getSecretKeyRef().getName());
        assertEquals("s3cr3t", decoded(spec.secret().getData().get("cluster.secret")));
        assertEquals("token", decoded(spec.secret().getData().get("rest.authentication.token")));
        String flinkConf = spec.configMap().getData().get("flink-conf.yaml");
        assertTrue(!flinkConf.contains("s3cr3t"), flinkConf);
    }

    @Test
    void configMapTellsContainersWhereTheJobManagerIsAndHoldsLogging() {
        JobManagerSpec spec = create(Map.of("kubernetes.cluster-id", "s1", "kubernetes.namespace", "team-a",
                "taskmanager.numberOfTaskSlots", "2"));

        String flinkConf = spec.configMap().getData().get("flink-conf.yaml");
        assertTrue(flinkConf.contains("jobmanager.rpc.address: 's1.team-a'\n"), flinkConf);
        assertTrue(flinkConf.contains("kubernetes.cluster-id: 's1'\n"), flinkConf);
        assertTrue(flinkConf.contains("taskmanager.numberOfTaskSlots: '2'\n"), flinkConf);
        assertTrue(flinkConf.contains("jobmanager.rpc.port: '6123'\n"), flinkConf);
        assertEquals("rootLogger.level = INFO", spec.configMap().getData().get("log4j-console.properties"));
    }

    @Test
    void servicesAreHeadlessInternalAndRestOfTheConfiguredType() {
        JobManagerSpec spec = create(Map.of("kubernetes.cluster-id", "s1",
                "kubernetes.rest-service.exposed.type", "NodePort"));

        assertEquals("None", spec.internalService().getSpec().getClusterIP());
        assertEquals(List.of(6123, 6124),
                spec.internalService().getSpec().getPorts().stream().map(ServicePort::getPort).toList());
        assertEquals("NodePort", spec.restService().getSpec().getType());
        assertEquals(8081, spec.restService().getSpec().getPorts().get(0).getPort());
        assertEquals("jobmanager", spec.restService().getSpec().getSelector().get("component"));
    }

    @Test
    void accompanyingObjectsAreOwnedByTheCreatedDeployment() {
        JobManagerSpec spec = create(Map.of("kubernetes.cluster-id", "s1"));
        OwnerReference owner = OwnerReferences.toDeployment(new DeploymentBuilder(spec.deployment()).editMetadata()
                .withUid("uid-7").endMetadata().build());

        List<HasMetadata> owned = spec.accompanyingObjectsOwnedBy(owner);

        assertEquals(List.of("ConfigMap", "Secret", "Service", "Service"),
                owned.stream().map(HasMetadata::getKind).toList());
        assertTrue(owned.stream().allMatch(object -> object.getMetadata().getOwnerReferences().equals(List.of(owner))));
        assertTrue(spec.configMap().getMetadata().getOwnerReferences().isEmpty());
    }

    @Test
    void invalidOptionsFailBeforeAnyObjectExists() {
        assertThrows(IllegalConfigurationException.class, () -> create(Map.of("kubernetes.cluster-id", "S_1")));
        assertThrows(IllegalConfigurationException.class, () -> create(Map.of("kubernetes.cluster-id", "s1",
                "kubernetes.rest-service.exposed.type", "ExternalName")));
        assertThrows(IllegalConfigurationException.class, () -> create(Map.of("kubernetes.cluster-id", "s1",
                "kubernetes.secrets", "foo_secret:/opt/foo")));
        assertThrows(IllegalConfigurationException.class, () -> create(Map.of("kubernetes.cluster-id", "s1",
                "jobmanager.memory.process.size", "512m")));
    }

    @Test
    void aMissingClusterIdIsGeneratedAndUsedEverywhere() {
        Configuration config = new Configuration();

        JobManagerSpec spec = JobManagerSpecFactory.create(config, Mode.SESSION, "s", "t", Map.of());

        String clusterId = config.getString("kubernetes.cluster-id", null);
        assertEquals(clusterId, spec.deployment().getMetadata().getName());
        assertEquals("flink-config-" + clusterId, spec.configMap().getMetadata().getName());
    }

    private static JobManagerSpec create(Map<String, String> entries) {
        return JobManagerSpecFactory.create(Configuration.fromMap(entries), Mode.SESSION, "s3cr3t", "token", LOGGING);
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
