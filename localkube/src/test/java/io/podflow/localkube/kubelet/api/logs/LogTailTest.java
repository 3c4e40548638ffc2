package io.podflow.localkube.kubelet.api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        assertEquals(new LogRequest(true, OptionalLong.of(5), OptionalLong.empty()),
                LogRequest.parse(Map.of("follow", List.of("true"), "tailLines", List.of("5"))));
        assertEquals(new LogRequest(false, OptionalLong.empty(), OptionalLong.of(100)),
                LogRequest.parse(Map.of("limitBytes", List.of("100"), "timestamps", List.of("true"))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LogRequest.parse(Map.of("tailLines", List.of("-1"))));
    }

    private String tail(String content, long lines) throws IOException {
        Path file = dir.resolve("main.log");
        Files.writeString(file, content);
        try (FileChannel channel = FileChannel.open(file)) {
            return content.substring((int) LogTail.startOfLastLines(channel, lines));
        }
    }
}
