package io.podflow.api.environment;

import io.podflow.api.functions.Collector;
import io.podflow.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalWordCountTest {

    @TempDir
    Path directory;

    @Test
    void boundedWordCountAtParallelismFourCountsEveryWordExactly() throws Exception {
        Path input = directory.resolve("corpus.txt");
        Map<String, Integer> expected = writeCorpus(input, 20_000);
        Path output = directory.resolve("counts");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.readTextFile(input.toString())
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String word : line.toLowerCase().split("\\W+")) {
                        if (!word.isEmpty()) {
                            out.collect(Tuple2.of(word, 1));
                        }
                    }
                })
                .keyBy(0)
                .sum(1)
                .writeAsText(output.toString());
        env.execute("bounded word count");

        Map<String, Integer> finalCounts = new HashMap<>();
        Map<String, String> fileOfWord = new HashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(output)) {
            files = listing.sorted().toList();
        }
        assertEquals(List.of("1", "2", "3", "4"), files.stream().map(file -> file.getFileName().toString()).toList());
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.substring(1, line.length() - 1).split(",");
                // a rolling sum: the last line of a word is its final count
                finalCounts.put(fields[0], Integer.parseInt(fields[1]));
                String previousFile = fileOfWord.putIfAbsent(fields[0], file.getFileName().toString());
                assertTrue(previousFile == null || previousFile.equals(file.getFileName().toString()),
                        "word " + fields[0] + " was counted in two subtasks");
            }
        }
        assertEquals(expected, finalCounts);
    }

    private static Map<String, Integer> writeCorpus(Path file, int lines) throws IOException {
        String[] vocabulary = new String[500];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "w" + Integer.toString(i * 7919, 36);
        }
        Random random = new Random(42);
        Map<String, Integer> counts = new HashMap<>();
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < lines; line++) {
            int words = 1 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                // skewed, so some words are far more frequent than others
                String word = vocabulary[(int) Math.abs(random.nextGaussian() * 80) % vocabulary.length];
                counts.merge(word, 1, Integer::sum);
                text.append(w == 0 ? "" : random.nextBoolean() ? " " : ", ").append(word);
            }
            text.append(line % 10 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return counts;
    }
}
