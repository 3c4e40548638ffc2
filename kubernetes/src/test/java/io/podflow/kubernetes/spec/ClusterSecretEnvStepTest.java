package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClusterSecretEnvStepTest {

    @Test
    void jobManagerGetsSecretAndTokenTaskManagerOnlyTheSecret() {
        Map<String, String> jobManager = keysByVariable(ClusterSecret.jobManagerEnv("s1-secret"));
        Map<String, String> taskManager = keysByVariable(ClusterSecret.taskManagerEnv("s1-secret"));

        assertEquals(Map.of("PODFLOW_CLUSTER_SECRET", "cluster.secret",
                "PODFLOW_REST_AUTHENTICATION_TOKEN", "rest.authentication.token"), jobManager);
        assertEquals(Map.of("PODFLOW_CLUSTER_SECRET", "cluster.secret"), taskManager);
    }

    @Test
    void variablesReadTheClusterSecret() {
        EnvVar variable = ClusterSecret.taskManagerEnv("s1-secret").apply(PodDraft.empty()).container().getEnv()
                .get(0);

        assertEquals("s1-secret", variable.getValueFrom().getSecretKeyRef().getName());
    }

    private static Map<String, String> keysByVariable(ClusterSecretEnvStep step) {
        return step.apply(PodDraft.empty()).container().getEnv().stream().collect(Collectors.toMap(EnvVar::getName,
                variable -> variable.getValueFrom().getSecretKeyRef().getKey()));
    }
}
