package io.podflow.dist;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** A generated text file of mixed-case words and punctuation, with the count of every lower-cased word in it. */
record WordCountCorpus(Path file, Map<String, Long> counts) {

    private static final String[] SEPARATORS = {" ", " ", " ", ", ", ". ", "; ", " - "};

    /** Writes words drawn from a fixed vocabulary until the file holds at least {@code minimumBytes}. */
    static WordCountCorpus write(Path file, long minimumBytes, long seed) throws IOException {
        Random random = new Random(seed);
        String[] vocabulary = new String[3000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = randomWord(random);
        }
        Map<String, Long> counts = new TreeMap<>();
        long bytes = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (bytes < minimumBytes) {
                StringBuilder line = new StringBuilder();
                int words = 1 + random.nextInt(15);
                for (int w = 0; w < words; w++) {
                    String word = vocabulary[(int) Math.abs(random.nextGaussian() * vocabulary.length / 3)
                            % vocabulary.length];
                    counts.merge(word, 1L, Long::sum);
                    line.append(random.nextInt(10) == 0 ? word.toUpperCase(Locale.ROOT) : word);
                    line.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                }
                writer.write(line.toString());
                writer.newLine();
                bytes += line.length() + 1;
            }
        }
        return new WordCountCorpus(file, counts);
    }

    private static String randomWord(Random random) {
        char[] letters = new char[2 + random.nextInt(9)];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }
}
