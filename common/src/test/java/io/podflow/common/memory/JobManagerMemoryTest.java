package io.podflow.common.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.MemorySize;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobManagerMemoryTest {

    @Test
    void theDefaultProcessSizeGivesFlinksDefaultJobManagerHeap() {
        JvmMemory memory = JobManagerMemory.of(new Configuration());

        assertEquals(new JvmMemory(mebiBytes(1024), mebiBytes(256), mebiBytes(128)), memory);
        assertEquals(List.of("-Xmx1073741824", "-Xms1073741824", "-XX:MaxMetaspaceSize=268435456",
                "-XX:MaxDirectMemorySize=134217728"), memory.jvmArguments());
    }

    @Test
    void theHeapIsWhatTheProcessSizeLeavesAfterOverheadMetaspaceAndOffHeap() {
        assertEquals(mebiBytes(192), heapOf(Map.of("jobmanager.memory.process.size", "768m")));
        // 10% of 4g is 409.6m, kept in whole mebibytes
        assertEquals(mebiBytes(4096 - 409 - 256 - 128), heapOf(Map.of("jobmanager.memory.process.size", "4g")));
    }

    @Test
    void theJvmOverheadStaysWithinItsMinimumAndMaximum() {
        assertEquals(mebiBytes(16384 - 1024 - 256 - 128), heapOf(Map.of("jobmanager.memory.process.size", "16g")));
        assertEquals(mebiBytes(4096 - 2048 - 256 - 128), heapOf(Map.of("jobmanager.memory.process.size", "4g",
                "jobmanager.memory.jvm-overhead.fraction", "0.01", "jobmanager.memory.jvm-overhead.min", "2g",
                "jobmanager.memory.jvm-overhead.max", "3g")));
    }

    @Test
    void metaspaceAndOffHeapAreTheirOptionsAndLeaveTheRestToTheHeap() {
        JvmMemory memory = JobManagerMemory.of(Configuration.fromMap(Map.of("jobmanager.memory.process.size", "2g",
                "jobmanager.memory.jvm-metaspace.size", "128m", "jobmanager.memory.off-heap.size", "256m")));

        assertEquals(new JvmMemory(mebiBytes(2048 - 204 - 128 - 256), mebiBytes(128), mebiBytes(256)), memory);
    }

    @Test
    void anExplicitHeapWinsOverTheDerivedOne() {
        assertEquals(mebiBytes(2048), heapOf(Map.of("jobmanager.memory.process.size", "4g",
                "jobmanager.memory.heap.size", "2g")));
    }

    @Test
    void theLegacyHeapKeySetsTheHeap() {
        assertEquals(mebiBytes(512), heapOf(Map.of("jobmanager.heap.size", "512m")));
        assertEquals(mebiBytes(768), heapOf(Map.of("jobmanager.heap.mb", "768")));
    }

    @Test
    void theSeedConfigMapsLegacyHeapFitsTheDefaultProcessSize() throws URISyntaxException {
        Path seedDir = Path.of(getClass().getResource("/seed-conf/flink-conf.yaml").toURI()).getParent();
        Configuration seed = ConfigurationLoader.load(seedDir, Map.of(), warning -> { });

        assertEquals(new JvmMemory(mebiBytes(1024), mebiBytes(256), mebiBytes(128)), JobManagerMemory.of(seed));
    }

    @Test
    void anExplicitHeapThatDoesNotFitTheProcessSizeNamesEveryPart() {
        assertEquals("jobmanager.heap.size (2g) + jobmanager.memory.jvm-overhead (192m: 0.1 of 1600m, min 192m, "
                + "max 1g) + jobmanager.memory.jvm-metaspace.size (256m, the default) + jobmanager.memory.off-heap.size "
                + "(128m, the default) = 2624m exceeds jobmanager.memory.process.size (1600m, the default); raise the "
                + "process size or lower the heap", failure(Map.of("jobmanager.heap.size", "2g")));
    }

    @Test
    void aProcessSizeTooSmallForAUsableHeapIsRefused() {
        assertEquals("jobmanager.memory.process.size (512m) leaves nothing for the JVM heap after "
                + "jobmanager.memory.jvm-overhead (192m: 0.1 of 512m, min 192m, max 1g) + "
                + "jobmanager.memory.jvm-metaspace.size (256m, the default) + jobmanager.memory.off-heap.size (128m, "
                + "the default), less than the 128m it needs; raise the process size or lower the others",
                failure(Map.of("jobmanager.memory.process.size", "512m")));
        assertEquals("jobmanager.memory.process.size (703m) leaves 127m for the JVM heap after "
                + "jobmanager.memory.jvm-overhead (192m: 0.1 of 703m, min 192m, max 1g) + "
                + "jobmanager.memory.jvm-metaspace.size (256m, the default) + jobmanager.memory.off-heap.size (128m, "
                + "the default), less than the 128m it needs; raise the process size or lower the others",
                failure(Map.of("jobmanager.memory.process.size", "703m")));
        assertEquals(mebiBytes(128), heapOf(Map.of("jobmanager.memory.process.size", "704m")));
    }

    @Test
    void overheadBoundsThatContradictEachOtherAreRefused() {
        assertEquals("jobmanager.memory.jvm-overhead.min (2g) is larger than jobmanager.memory.jvm-overhead.max (1g); "
                + "lower the one or raise the other", failure(Map.of("jobmanager.memory.jvm-overhead.min", "2g")));
        assertEquals("jobmanager.memory.jvm-overhead.fraction: '1.5' is not allowed (must be at least 0 and less "
                + "than 1)", failure(Map.of("jobmanager.memory.jvm-overhead.fraction", "1.5")));
    }

    private static MemorySize heapOf(Map<String, String> settings) {
        return JobManagerMemory.of(Configuration.fromMap(settings)).heap();
    }

    private static String failure(Map<String, String> settings) {
        return assertThrows(IllegalConfigurationException.class,
                () -> JobManagerMemory.of(Configuration.fromMap(settings))).getMessage();
    }

    static MemorySize mebiBytes(long mebiBytes) {
        return MemorySize.ofMebiBytes(mebiBytes);
    }
}
