package io.podflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyAuditTest {

    private final KeyAudit audit = new KeyAudit(OptionRegistry.of(List.of(
            JobManagerOptions.class, TaskManagerOptions.class, ContainerEnvOptions.class)));
    private final List<String> warnings = new ArrayList<>();

    @Test
    void knownKeysAndKeysUnderDeclaredPrefixesPassQuietly() {
        audit.audit(List.of("taskmanager.numberOfTaskSlots", "containerized.taskmanager.env.X"), warnings::add);
        assertEquals(List.of(), warnings);
    }

    @Test
    void suggestsTheClosestKeyIgnoringCase() {
        audit.audit(List.of("taskmanager.numberoftaskslots", "taskmanager.memory.proces.size",
                "containerized.master.env"), warnings::add);
        assertEquals(List.of(
                "Unknown configuration key 'taskmanager.numberoftaskslots' (did you mean "
                        + "'taskmanager.numberOfTaskSlots'?)",
                "Unknown configuration key 'taskmanager.memory.proces.size' (did you mean "
                        + "'taskmanager.memory.process.size'?)",
                "Unknown configuration key 'containerized.master.env'"), warnings);
    }

    @Test
    void saysWhenADeprecatedKeyIsShadowedByItsReplacement() {
        audit.audit(List.of("jobmanager.heap.size", "jobmanager.memory.heap.size"), warnings::add);
        assertEquals(List.of("Configuration key 'jobmanager.heap.size' is deprecated, use "
                + "'jobmanager.memory.heap.size'; it is ignored because 'jobmanager.memory.heap.size' is set"),
                warnings);
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, EditDistance.between("slots", "slots"));
        assertEquals(1, EditDistance.between("slot", "slots"));
        assertEquals(1, EditDistance.between("slots", "slits"));
        assertEquals(3, EditDistance.between("kitten", "sitting"));
        assertEquals(5, EditDistance.between("", "slots"));
    }
}
