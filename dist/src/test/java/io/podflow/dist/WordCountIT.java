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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped {@code WordCount.jar} in bounded mode, parallelism 4 over two TaskManagers of two slots each: exact
 * counts, also when a TaskManager is killed mid-job and a third one takes its place.
 */
class WordCountIT {

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
    void boundedWordCountOverTenMegabytesWritesTheExactCountOfEveryWord() throws Exception {
        WordCountCorpus corpus = WordCountCorpus.write(temp.resolve("corpus.txt"), 10L * 1024 * 1024, 42);
        Path output = temp.resolve("counts");

        JobID job = submitWordCount(corpus, output);

        assertEquals(JobStatus.FINISHED, cluster.awaitEnd(job));
        assertEquals(corpus.counts(), writtenCounts(output));
        cluster.awaitAllSlotsFree();
    }

    @Test
    void aTaskManagerKilledMidJobCostsARestartButNotACount() throws Exception {
        WordCountCorpus corpus = WordCountCorpus.write(temp.resolve("corpus-restart.txt"), 24L * 1024 * 1024, 7);
        Path output = temp.resolve("counts-restart");
        JobID job = submitWordCount(corpus, output);
        await().atMost(ExampleJobCluster.JOB_END).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> cluster.allTasksRunning(job));

        cluster.killTaskManager();
        cluster.startTaskManager("tm-three");

        assertEquals(JobStatus.FINISHED, cluster.awaitEnd(job), () -> cluster.rest().rootException(job));
        assertEquals(corpus.counts(), writtenCounts(output));
        assertTrue(cluster.rest().get("/jobs/" + job + "/exceptions").path("all-exceptions").size() > 0,
                "the kill should have failed the first attempt");
    }

    private static JobID submitWordCount(WordCountCorpus corpus, Path output) throws Exception {
        return cluster.submit("WordCount.jar", "--input", corpus.file().toString(), "--output", output.toString());
    }

    private static Map<String, Long> writtenCounts(Path output) throws IOException {
        Map<String, Long> written = new TreeMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] wordAndCount = line.split(" ");
                    assertNull(written.put(wordAndCount[0], Long.parseLong(wordAndCount[1])),
                            "a second count of " + wordAndCount[0]);
                }
            }
        }
        return written;
    }
}
