import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's corpus and its floor: {@code generate FILE MB} writes a seeded text of mixed-case words;
 * {@code count FILE} counts its lower-cased words in one thread the way a user would by hand and prints
 * {@code words <n> distinct <d> millis <ms>}.
 */
public final class PlainWordCount {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(file, Long.parseLong(args[2]) * 1024 * 1024);
        } else {
            count(file);
        }
    }

    private static void generate(Path file, long bytes) throws Exception {
        Random random = new Random(7);
        String[] vocabulary = new String[5000];
        for (int i = 0; i < vocabulary.length; i++) {
            char[] letters = new char[2 + random.nextInt(9)];
            for (int c = 0; c < letters.length; c++) {
                letters[c] = (char) ('a' + random.nextInt(26));
            }
            vocabulary[i] = random.nextInt(10) == 0 ? new String(letters).toUpperCase(Locale.ROOT)
                    : new String(letters);
        }
        long written = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                StringBuilder line = new StringBuilder();
                for (int w = 1 + random.nextInt(15); w > 0; w--) {
                    line.append(vocabulary[random.nextInt(vocabulary.length)]).append(w % 4 == 0 ? ", " : " ");
                }
                writer.write(line.toString());
                writer.newLine();
                written += line.length() + 1;
            }
        }
    }

    private static void count(Path file) throws Exception {
        long start = System.nanoTime();
        Map<String, Long> counts = new HashMap<>();
        long words = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (!word.isEmpty()) {
                        counts.merge(word, 1L, Long::sum);
                        words++;
                    }
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("words " + words + " distinct " + counts.size() + " millis " + millis);
    }
}
