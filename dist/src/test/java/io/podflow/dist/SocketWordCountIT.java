package io.podflow.dist;

import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped {@code WordCount.jar} reading a socket, parallelism 4 over two TaskManagers: what the TaskManagers
 * print for each 5 s window is what a line server sent in it.
 */
class SocketWordCountIT {

    private static final long WINDOW_MILLIS = 5000;
    private static final int WINDOWS = 3;
    private static final Pattern PRINTED_COUNT = Pattern.compile("^(?:\\d+> )?\\((\\w+),(\\d+)\\)$");

    @TempDir
    static Path temp;

    private static ExampleJobCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ExampleJobCluster.start(temp.resolve("flink-home"));
    }

    @AfterAll
    static void killLeftovers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void socketWordCountPrintsWhatWasSentInEachFiveSecondWindow() throws Exception {
        try (LineServer lines = new LineServer()) {
            JobID job = cluster.submit("WordCount.jar", "127.0.0.1", Integer.toString(lines.port()));
            await().atMost(ExampleJobCluster.STARTUP).until(() -> lines.connectedClients() == 1);
            await().atMost(ExampleJobCluster.STARTUP).until(
                    () -> cluster.rest().jobStatus(job) == JobStatus.RUNNING);

            for (int window = 0; window < WINDOWS; window++) {
                String prefix = "w" + window + "x";
                Map<String, Long> sent = sendOneWindow(lines, prefix);
                await().atMost(Duration.ofSeconds(30)).until(() -> printedCounts(prefix).size() >= sent.size());
                assertEquals(new ArrayList<>(sent.entrySet()), printedCounts(prefix), "window " + window);
            }

            cluster.rest().cancelJob(job);
            assertEquals(JobStatus.CANCELED, cluster.awaitEnd(job));
        }
        cluster.awaitAllSlotsFree();
    }

    /**
     * Sends word i of the window i+1 times, plus an upper-case word on every other line, in one burst early in a
     * 5 s window so that no word is split across two; returns the counts sent.
     */
    private static Map<String, Long> sendOneWindow(LineServer lines, String prefix) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> System.currentTimeMillis() % WINDOW_MILLIS > 200
                        && System.currentTimeMillis() % WINDOW_MILLIS < 2500);
        Map<String, Long> sent = new TreeMap<>();
        List<String> text = new ArrayList<>();
        for (int word = 0; word < 6; word++) {
            for (int repeat = 0; repeat <= word; repeat++) {
                boolean withUpperCase = repeat % 2 == 0;
                text.add(prefix + word + (withUpperCase ? ", " + prefix.toUpperCase(Locale.ROOT) + "upper" : ""));
                sent.merge(prefix + word, 1L, Long::sum);
                if (withUpperCase) {
                    sent.merge(prefix + "upper", 1L, Long::sum);
                }
            }
        }
        lines.send(text);
        return sent;
    }

    /** Every {@code (word,count)} the TaskManagers printed for words starting with {@code prefix}, sorted by word. */
    private static List<Map.Entry<String, Long>> printedCounts(String prefix) throws IOException {
        List<Map.Entry<String, Long>> printed = new ArrayList<>();
        try (Stream<Path> files = Files.list(cluster.home().resolve("log"))) {
            for (Path out : files.filter(path -> path.getFileName().toString().matches(
                    "flink-.*-taskmanager-.*\\.out")).toList()) {
                for (String line : Files.readAllLines(out)) {
                    Matcher count = PRINTED_COUNT.matcher(line.strip());
                    if (count.matches() && count.group(1).startsWith(prefix)) {
                        printed.add(Map.entry(count.group(1), Long.parseLong(count.group(2))));
                    }
                }
            }
        }
        printed.sort(Map.Entry.comparingByKey());
        return printed;
    }
}
