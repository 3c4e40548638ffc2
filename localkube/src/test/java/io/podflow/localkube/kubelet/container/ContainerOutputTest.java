package io.podflow.localkube.kubelet.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerOutputTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void outputIsAppendedToTheLogWithTheTimeEachPieceCameAndDoneOnceItHasAllBeenWritten() throws IOException {
        Path log = dir.resolve("main.log");
        Files.writeString(log, "earlier run\n");
        InputStream output = new SequenceInputStream(bytes("one\n"), bytes("two\nthree\n"));

        ContainerOutput copier = new ContainerOutput(output, log, Clock.fixed(T0, ZoneOffset.UTC));
        copier.run();

        assertTrue(copier.done().isDone());
        assertEquals("earlier run\none\ntwo\nthree\n", Files.readString(log));
        assertEquals(List.of(new LogIndex.Mark(12, T0, false), new LogIndex.Mark(16, T0, false)),
                LogIndex.read(LogIndex.of(log)));
    }

    @Test
    void indexLinesRoundTripAndATornLastLineIsLeftOut() throws IOException {
        Path index = dir.resolve("main.log.index");
        LogIndex.Mark run = new LogIndex.Mark(0, Instant.parse("2026-01-31T12:00:00.000000042Z"), true);
        LogIndex.Mark piece = new LogIndex.Mark(7, Instant.parse("2026-01-31T12:00:01.5Z"), false);
        Files.writeString(index, LogIndex.line(run) + LogIndex.line(piece) + "12 17698");

        assertEquals(List.of(run, piece), LogIndex.read(index));
    }

    private static InputStream bytes(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
