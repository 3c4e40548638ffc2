package io.podflow.localkube.kubelet.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.InMemoryClusterObjects;
import io.podflow.localkube.kubelet.node.NodeCapacity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvResolverTest {

    private final InMemoryClusterObjects objects = new InMemoryClusterObjects()
            .secret("ns", "creds", Map.of("password", "s3cret", "user", "flink"))
            .configMap("ns", "settings", Map.of("mode", "streaming", "level", "INFO"));
    private final EnvResolver resolver = new EnvResolver(objects, "127.0.0.1", 6443, NodeCapacity.DEFAULT);
    private final Pod pod = new PodBuilder().withNewMetadata().withName("tm-1").withNamespace("ns").withUid("u-1")
            .addToLabels("app", "wordcount").endMetadata()
            .withNewSpec().withNodeName("localkube-node-1").withServiceAccountName("flink").endSpec().build();

    @Test
    void kubeletVariablesAreAlwaysThere() {
        Map<String, String> env = resolve(new ContainerBuilder().withName("c").build());

        assertEquals("127.0.0.1", env.get("KUBERNETES_SERVICE_HOST"));
        assertEquals("6443", env.get("KUBERNETES_SERVICE_PORT"));
        assertEquals("tm-1", env.get("HOSTNAME"));
    }

    @Test
    void fieldRefsSeeThePodsIdentityAndAddresses() {
        Container container = new ContainerBuilder().withName("c")
                .addNewEnv().withName("POD_IP").withNewValueFrom().withNewFieldRef().withFieldPath("status.podIP")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("HOST_IP").withNewValueFrom().withNewFieldRef().withFieldPath("status.hostIP")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("NODE").withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("NS").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("SA").withNewValueFrom().withNewFieldRef()
                .withFieldPath("spec.serviceAccountName").endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("APP").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.labels['app']").endFieldRef().endValueFrom().endEnv()
                .build();

        Map<String, String> env = resolve(container);

        assertEquals("127.0.4.2", env.get("POD_IP"));
        assertEquals("127.0.100.1", env.get("HOST_IP"));
        assertEquals("localkube-node-1", env.get("NODE"));
        assertEquals("tm-1", env.get("NAME"));
        assertEquals("ns", env.get("NS"));
        assertEquals("flink", env.get("SA"));
        assertEquals("wordcount", env.get("APP"));
    }

    @Test
    void secretAndConfigMapKeysAndEnvFromWithPrefix() {
        Container container = new ContainerBuilder().withName("c")
                .addNewEnvFrom().withPrefix("CFG_").withNewConfigMapRef().withName("settings").endConfigMapRef()
                .endEnvFrom()
                .addNewEnvFrom().withNewSecretRef().withName("creds").endSecretRef().endEnvFrom()
                .addNewEnv().withName("PASSWORD").withNewValueFrom().withNewSecretKeyRef().withName("creds")
                .withKey("password").endSecretKeyRef().endValueFrom().endEnv()
                .addNewEnv().withName("MODE").withNewValueFrom().withNewConfigMapKeyRef().withName("settings")
                .withKey("mode").endConfigMapKeyRef().endValueFrom().endEnv()
                .build();

        Map<String, String> env = resolve(container);

        assertEquals("s3cret", env.get("PASSWORD"));
        assertEquals("streaming", env.get("MODE"));
        assertEquals("INFO", env.get("CFG_level"));
        assertEquals("flink", env.get("user"));
    }

    @Test
    void envEntriesOverrideEnvFromAndExpandEarlierVariables() {
        Container container = new ContainerBuilder().withName("c")
                .addNewEnvFrom().withNewConfigMapRef().withName("settings").endConfigMapRef().endEnvFrom()
                .addNewEnv().withName("level").withValue("DEBUG").endEnv()
                .addNewEnv().withName("POD_IP").withNewValueFrom().withNewFieldRef().withFieldPath("status.podIP")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("ADDRESS").withValue("$(POD_IP):6122 $(UNDEFINED)").endEnv()
                .build();

        Map<String, String> env = resolve(container);

        assertEquals("DEBUG", env.get("level"));
        assertEquals("127.0.4.2:6122 $(UNDEFINED)", env.get("ADDRESS"));
        assertEquals(List.of("POD_IP", "ADDRESS"), env.keySet().stream()
                .filter(key -> key.equals("POD_IP") || key.equals("ADDRESS")).toList());
    }

    @Test
    void resourceFieldRefsRoundUpToTheDivisorAndAnUnsetLimitIsTheNodeCapacity() {
        Container container = new ContainerBuilder().withName("c")
                .withNewResources().addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("1536Mi"))
                .endResources()
                .addNewEnv().withName("MEM_GI").withNewValueFrom().withNewResourceFieldRef().withResource("limits.memory")
                .withDivisor(new io.fabric8.kubernetes.api.model.Quantity("1Gi")).endResourceFieldRef().endValueFrom()
                .endEnv()
                .addNewEnv().withName("CPUS").withNewValueFrom().withNewResourceFieldRef().withResource("limits.cpu")
                .endResourceFieldRef().endValueFrom().endEnv()
                .build();

        Map<String, String> env = resolve(container);

        assertEquals("2", env.get("MEM_GI"));
        assertEquals(NodeCapacity.DEFAULT.cpu(), env.get("CPUS"));
    }

    @Test
    void missingRequiredReferenceFailsNamingItAndOptionalOneIsSkipped() {
        Container required = new ContainerBuilder().withName("c")
                .addNewEnv().withName("X").withNewValueFrom().withNewSecretKeyRef().withName("creds").withKey("token")
                .endSecretKeyRef().endValueFrom().endEnv().build();
        ContainerConfigException error = assertThrows(ContainerConfigException.class, () -> resolve(required));
        assertTrue(error.getMessage().contains("\"token\""), error.getMessage());

        Container optional = new ContainerBuilder().withName("c")
                .addNewEnv().withName("X").withNewValueFrom().withNewConfigMapKeyRef().withName("absent")
                .withKey("k").withOptional(true).endConfigMapKeyRef().endValueFrom().endEnv()
                .addNewEnvFrom().withNewSecretRef().withName("absent").withOptional(true).endSecretRef().endEnvFrom()
                .build();
        assertFalse(resolve(optional).containsKey("X"));
    }

    private Map<String, String> resolve(Container container) {
        return resolver.resolve(pod, container, "127.0.4.2", "127.0.100.1");
    }
}
