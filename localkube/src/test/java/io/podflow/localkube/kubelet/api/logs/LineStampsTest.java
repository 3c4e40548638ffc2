package io.podflow.localkube.kubelet.api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podflow.localkube.kubelet.container.LogIndex;
import io.podflow.localkube.kubelet.container.LogIndex.Mark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineStampsTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00.123456789Z");

    @TempDir
    Path dir;

    @Test
    void eachLineGetsTheTimeOfTheOutputItsFirstByteCameInOnceEvenWhenSplitAcrossChunks() throws IOException {
        LineStamps stamps = new LineStamps(dir.resolve("main.log.index"),
                List.of(new Mark(0, T0, true), new Mark(0, T0, false), new Mark(5, T0.plusSeconds(1), false)));

        String first = stamp(stamps, "a\nbb\ncc", 0);
        String second = stamp(stamps, "c\n", 7);

        assertEquals("2026-01-31T12:00:00.123456789Z a\n2026-01-31T12:00:00.123456789Z bb\n"
                + "2026-01-31T12:00:01.123456789Z cc", first);
        assertEquals("c\n", second);
    }

    @Test
    void outputNewerThanTheMarksReadSoFarIsDatedFromTheIndexAsItIsNow() throws IOException {
        Path index = dir.resolve("main.log.index");
        LineStamps stamps = new LineStamps(index, List.of(new Mark(0, T0, false)));
        Files.writeString(index, "0 " + T0.getEpochSecond() + ".123456789\n4 " + (T0.getEpochSecond() + 2)
                + ".000000000\n");

        assertEquals("2026-01-31T12:00:02Z new\n", stamp(stamps, "new\n", 4));
        assertEquals(List.of(new Mark(0, T0, false), new Mark(4, Instant.ofEpochSecond(T0.getEpochSecond() + 2), false)),
                LogIndex.read(index));
    }

    private static String stamp(LineStamps stamps, String chunk, long offset) throws IOException {
        return new String(stamps.stamp(chunk.getBytes(StandardCharsets.UTF_8), offset), StandardCharsets.UTF_8);
    }
}
