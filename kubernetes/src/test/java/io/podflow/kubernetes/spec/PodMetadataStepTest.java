package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodMetadataStepTest {

    @Test
    void userLabelsAreAddedButCannotReplacePodflowsOwn() {
        ObjectMeta metadata = new PodMetadataStep("s1-taskmanager-1-1", Map.of("team", "data", "app", "other"),
                Map.of("app", "s1"), Map.of("note", "x")).apply(PodDraft.empty()).build().getMetadata();

        assertEquals("s1-taskmanager-1-1", metadata.getName());
        assertEquals(Map.of("team", "data", "app", "s1"), metadata.getLabels());
        assertEquals(Map.of("note", "x"), metadata.getAnnotations());
    }
}
