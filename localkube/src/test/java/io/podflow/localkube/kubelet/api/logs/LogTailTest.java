package io.podflow.localkube.kubelet.api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void lastLinesOfAFileEndingWithANewline() throws IOException {
        assertEquals("two\nthree\n", tail("one\ntwo\nthree\n", 2));
        assertEquals("one\ntwo\nthree\n", tail("one\ntwo\nthree\n", 10));
        assertEquals("", tail("one\ntwo\nthree\n", 0));
    }

    @Test
    void anUnfinishedLastLineCountsAsALine() throws IOException {
        assertEquals("three", tail("one\ntwo\nthree", 1));
        assertEquals("two\nthree", tail("one\ntwo\nthree", 2));
    }

    @Test
    void linesSpanningReadBlocksAreCountedOnce() throws IOException {
        String log = IntStream.range(0, 5000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
        assertEquals("line 4997\nline 4998\nline 4999\n", tail(log, 3));
    }

    @Test
    void queryParametersAreReadAndCheckedAsTheApiServerSendsThem() {
        Instant now = Instant.parse("2026-01-31T12:00:00Z");
        assertEquals(new LogRequest(true, OptionalLong.of(5), OptionalLong.empty()),
                LogRequest.parse(Map.of("follow", List.of("true"), "tailLines", List.of("5")), now));
        assertEquals(new LogRequest(false, OptionalLong.empty(), OptionalLong.of(100), true,
                Optional.of(now.minusSeconds(30)), true), LogRequest.parse(Map.of("limitBytes", List.of("100"),
                        "timestamps", List.of("true"), "sinceSeconds", List.of("30"), "previous", List.of("true")), now));
        assertEquals(Optional.of(Instant.parse("2026-01-31T10:00:00Z")),
                LogRequest.parse(Map.of("sinceTime", List.of("2026-01-31T11:00:00+01:00")), now).since());
        assertThrows(IllegalArgumentException.class, () -> LogRequest.parse(Map.of("tailLines", List.of("-1")), now));
        assertThrows(IllegalArgumentException.class, () -> LogRequest.parse(Map.of("sinceTime", List.of("noon")), now));
        assertThrows(IllegalArgumentException.class, () -> LogRequest.parse(Map.of("sinceSeconds", List.of("5"),
                "sinceTime", List.of("2026-01-31T11:00:00Z")), now));
    }

    private String tail(String content, long lines) throws IOException {
        Path file = dir.resolve("main.log");
        Files.writeString(file, content);
        try (FileChannel channel = FileChannel.open(file)) {
            return content.substring((int) LogTail.startOfLastLines(channel, lines, 0, channel.size()));
        }
    }
}
