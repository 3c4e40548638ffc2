package io.podflow.dist;

import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The shipped {@code WordCount.jar} in bounded mode, parallelism 4 over two TaskManagers of two slots each. */
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

        JobID job = cluster.submit("WordCount.jar", "--input", corpus.file().toString(),
                "--output", output.toString());

        assertEquals(JobStatus.FINISHED, cluster.awaitEnd(job));
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
        assertEquals(corpus.counts(), written);
        cluster.awaitAllSlotsFree();
    }
}
