package io.podflow.localkube.kubelet.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRecordsTest {

    @TempDir
    Path pods;

    @Test
    void leftoverRecordedProcessIsKilledAndItsRecordRemoved() throws IOException, InterruptedException {
        Process leftover = new ProcessBuilder("sleep", "600").start();
        Path record = Files.createDirectories(pods.resolve("ns_old-pod")).resolve("main.pid");
        ProcessRecords.write(record, leftover.pid());

        assertEquals(1, ProcessRecords.killLeftovers(pods));

        assertTrue(leftover.waitFor(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(record));
    }

    @Test
    void recordWhosePidWasReusedByAnotherProcessIsNotKilled() throws IOException, InterruptedException {
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            Path record = Files.createDirectories(pods.resolve("ns_old-pod")).resolve("main.pid");
            Files.writeString(record, unrelated.pid() + " 1\n");

            assertEquals(0, ProcessRecords.killLeftovers(pods));

            assertTrue(unrelated.isAlive());
            assertFalse(Files.exists(record));
        } finally {
            unrelated.destroyForcibly().waitFor();
        }
    }
}
