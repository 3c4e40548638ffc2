package io.podflow.common.memory;

import static io.podflow.common.memory.JobManagerMemoryTest.mebiBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskManagerMemoryTest {

    @Test
    void theDefaultProcessSizeGivesAGibibyteOfHeap() {
        JvmMemory memory = TaskManagerMemory.of(new Configuration());

        // 1728m - overhead 192m (min) - metaspace 256m = 1280m; network 128m of it, framework off-heap 128m
        assertEquals(new JvmMemory(mebiBytes(1024), mebiBytes(256), mebiBytes(256)), memory);
        assertEquals(List.of("-Xmx1073741824", "-Xms1073741824", "-XX:MaxMetaspaceSize=268435456",
                "-XX:MaxDirectMemorySize=268435456"), memory.jvmArguments());
    }

    @Test
    void theSessionDocsFourGibibyteTaskManagerSplitsLikeFlinksWithoutManagedMemory() {
        JvmMemory memory = of(Map.of("taskmanager.memory.process.size", "4096m"));

        // overhead 409m (10%), metaspace 256m, network 343m (10% of the 3431m left), framework off-heap 128m
        assertEquals(new JvmMemory(mebiBytes(2960), mebiBytes(256), mebiBytes(343 + 128)), memory);
    }

    @Test
    void theLegacyHeapKeyIsTheProcessSizeAsInFlinksContainers() {
        assertEquals(of(Map.of("taskmanager.memory.process.size", "4096m")),
                of(Map.of("taskmanager.heap.size", "4096m")));
    }

    @Test
    void networkMemoryStaysWithinItsMinimumAndMaximum() {
        // 1024m - 192m - 256m leaves 576m, whose 10% is below the 64m minimum
        assertEquals(new JvmMemory(mebiBytes(576 - 64 - 128), mebiBytes(256), mebiBytes(64 + 128)),
                of(Map.of("taskmanager.memory.process.size", "1024m")));
        // 32g - 1g (overhead max) - 256m leaves 31488m, whose 10% is above the 1g maximum
        assertEquals(new JvmMemory(mebiBytes(31488 - 1024 - 128), mebiBytes(256), mebiBytes(1024 + 128)),
                of(Map.of("taskmanager.memory.process.size", "32g")));
    }

    @Test
    void everyPartFollowsItsOption() {
        JvmMemory memory = of(Map.of("taskmanager.memory.process.size", "2g",
                "taskmanager.memory.jvm-overhead.fraction", "0.2", "taskmanager.memory.jvm-metaspace.size", "128m",
                "taskmanager.memory.network.fraction", "0.25", "taskmanager.memory.framework.off-heap.size", "64m"));

        // overhead 409m (20% of 2048m); 2048m - 409m - 128m = 1511m, network 377m of it
        assertEquals(new JvmMemory(mebiBytes(1511 - 377 - 64), mebiBytes(128), mebiBytes(377 + 64)), memory);
    }

    @Test
    void aProcessSizeTooSmallForAUsableHeapIsRefused() {
        assertEquals("taskmanager.memory.process.size (600m) leaves nothing for the JVM heap after "
                + "taskmanager.memory.jvm-overhead (192m: 0.1 of 600m, min 192m, max 1g) + "
                + "taskmanager.memory.jvm-metaspace.size (256m, the default) + taskmanager.memory.network (64m: 0.1 of "
                + "152m, min 64m, max 1g) + taskmanager.memory.framework.off-heap.size (128m, the default), less than "
                + "the 128m it needs; raise the process size or lower the others",
                assertThrows(IllegalConfigurationException.class,
                        () -> of(Map.of("taskmanager.memory.process.size", "600m"))).getMessage());
    }

    @Test
    void networkBoundsThatContradictEachOtherAreRefused() {
        assertEquals("taskmanager.memory.network.min (2g) is larger than taskmanager.memory.network.max (1g); "
                + "lower the one or raise the other", assertThrows(IllegalConfigurationException.class,
                        () -> of(Map.of("taskmanager.memory.network.min", "2g"))).getMessage());
    }

    private static JvmMemory of(Map<String, String> settings) {
        return TaskManagerMemory.of(Configuration.fromMap(settings));
    }
}
