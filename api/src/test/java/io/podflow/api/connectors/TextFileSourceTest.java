package io.podflow.api.connectors;

import io.podflow.api.functions.SourceFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextFileSourceTest {

    @TempDir
    Path directory;

    private static List<String> readAllParts(Path file, int parallelism) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            int index = subtask;
            new TextFileSource(file.toString()).run(new SourceFunction.SourceContext<>() {
                @Override
                public void collect(String record) {
                    lines.add(record);
                }

                @Override
                public void collectWithTimestamp(String record, long timestamp) {
                    lines.add(record);
                }

                @Override
                public int subtaskIndex() {
                    return index;
                }

                @Override
                public int parallelism() {
                    return parallelism;
                }
            });
        }
        return lines;
    }

    @Test
    void everyLineIsReadExactlyOnceWhateverTheParallelism() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(i % 17 == 0 ? "" : "line " + i + " ü€ " + "x".repeat(i % 23));
        }
        Path file = directory.resolve("lines.txt");
        Files.writeString(file, String.join("\n", expected), StandardCharsets.UTF_8);
        for (int parallelism : new int[] {1, 2, 3, 7, 64, 1000}) {
            assertEquals(expected, readAllParts(file, parallelism), "parallelism " + parallelism);
        }
    }

    @Test
    void windowsLineEndingsAndATrailingNewlineAreNotPartOfTheLines() throws Exception {
        Path file = directory.resolve("crlf.txt");
        Files.writeString(file, "a\r\nb\r\n", StandardCharsets.UTF_8);
        assertEquals(List.of("a", "b"), readAllParts(file, 2));
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        Path missing = directory.resolve("nope.txt");
        NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> readAllParts(missing, 1));
        assertEquals(missing.toString(), error.getFile());
    }
}
