package io.podflow.kubernetes.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesLabelsTest {

    @Test
    void taskManagerLabelsContainTheSelectorTheInformerUses() {
        Map<String, String> labels = KubernetesLabels.taskManager("s1");

        assertTrue(labels.entrySet().containsAll(
                KubernetesLabels.selector("s1", KubernetesLabels.COMPONENT_TASKMANAGER).entrySet()));
        assertEquals("s1", labels.get("app"));
        assertEquals("flink-native-kubernetes", labels.get("type"));
        assertEquals("taskmanager", labels.get("component"));
        assertEquals("taskmanager", labels.get("app.kubernetes.io/component"));
    }

    @Test
    void jobManagerAndTaskManagerSelectorsDoNotOverlap() {
        assertEquals("jobmanager", KubernetesLabels.jobManager("s1").get("component"));
        assertTrue(!KubernetesLabels.jobManager("s1").entrySet().containsAll(
                KubernetesLabels.selector("s1", KubernetesLabels.COMPONENT_TASKMANAGER).entrySet()));
        Map<String, String> common = KubernetesLabels.common("s1");
        assertEquals("s1", common.get("app"));
        assertEquals("flink-native-kubernetes", common.get("type"));
        assertTrue(!common.containsKey("component"));
    }
}
