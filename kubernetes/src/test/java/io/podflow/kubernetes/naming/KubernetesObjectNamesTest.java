package io.podflow.kubernetes.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.naming.KubernetesObjectNames.TaskManagerPodName;
import org.junit.jupiter.api.Test;

class KubernetesObjectNamesTest {

    private final KubernetesObjectNames names = new KubernetesObjectNames("s1");

    @Test
    void namesFollowTheDesignTable() {
        assertEquals("s1", names.deployment());
        assertEquals("s1", names.internalService());
        assertEquals("s1-rest", names.restService());
        assertEquals("flink-config-s1", names.configMap());
        assertEquals("s1-secret", names.secret());
        assertEquals("s1.team-a", names.jobManagerAddress("team-a"));
        assertEquals("s1-taskmanager-2-7", names.taskManagerPod(2, 7));
    }

    @Test
    void podNamesOfTheLongestClusterIdStayWithin63Characters() {
        String pod = new KubernetesObjectNames("c".repeat(45)).taskManagerPod(9, 999);

        assertTrue(pod.length() <= 63, pod + " is " + pod.length());
    }

    @Test
    void podNamesReadBackAsAttemptAndIndex() {
        assertEquals(new TaskManagerPodName("s1-taskmanager-3-12", 3, 12),
                names.parseTaskManagerPod("s1-taskmanager-3-12"));
        assertNull(names.parseTaskManagerPod("s12-taskmanager-3-12"));
        assertNull(names.parseTaskManagerPod("s1-taskmanager-3"));
        assertNull(names.parseTaskManagerPod("s1-taskmanager-x-1"));
        assertNull(names.parseTaskManagerPod("s1-taskmanager-0-1"));
        assertNull(new KubernetesObjectNames("s1-taskmanager-1").parseTaskManagerPod("s1-taskmanager-1-1"));
    }

    @Test
    void refusesAttemptOrIndexBelowOneAndAnInvalidId() {
        assertThrows(IllegalArgumentException.class, () -> names.taskManagerPod(0, 1));
        assertThrows(IllegalConfigurationException.class, () -> new KubernetesObjectNames("S1"));
    }
}
