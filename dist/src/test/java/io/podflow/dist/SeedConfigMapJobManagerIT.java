package io.podflow.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/jobmanager.sh start} with the conf directory the user docs' ConfigMap mounts: their flink-conf.yaml
 * (with the legacy {@code jobmanager.heap.size}) and their log4j 1.x log4j.properties, and nothing else. Only the
 * addresses and ports are given as -D, so that the test runs beside other processes.
 */
class SeedConfigMapJobManagerIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";
    /** A line of the seed's ConversionPattern {@code %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n}. */
    private static final String SEED_LINE = TIME + " [A-Z ]{5} .{60,} - .*";

    @TempDir
    Path temp;

    private StandaloneClusterProcesses cluster;

    @AfterEach
    void killLeftovers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void startsWithTheSeedsConfigMapAndLogsThroughItsLog4j1File() throws Exception {
        Path distribution = Path.of(System.getProperty("podflow.dist.home", "target/podflow"));
        cluster = StandaloneClusterProcesses.install(distribution, temp.resolve("flink-home"));
        mountSeedConfigMap(cluster.home().resolve("conf"));

        String started = cluster.script("jobmanager.sh", "start", "-Djobmanager.rpc.address=127.0.0.1",
                "-Djobmanager.rpc.port=" + StandaloneClusterProcesses.freePort(), "-Djobmanager.bind-host=127.0.0.1",
                "-Dblob.server.port=" + StandaloneClusterProcesses.freePort(), "-Drest.bind-address=127.0.0.1",
                "-Drest.port=" + cluster.restUri().getPort(), "-Drest.authentication.token=" + cluster.restToken(),
                "-Dcluster.secret=" + UUID.randomUUID(), "-Dblob.storage.directory=" + temp.resolve("blobs"),
                "-Dweb.upload.dir=" + temp.resolve("uploads"));

        assertTrue(started.startsWith("Starting jobmanager daemon"), started);
        await().atMost(STARTUP).ignoreExceptions()
                .until(() -> cluster.restClient().get("/overview").has("taskmanagers"));
        assertEquals(List.of(0), cluster.liveInstances("jobmanager"));
        Path log = cluster.logOf("jobmanager", 0);
        assertTrue(log.getFileName().toString().matches(".*jobmanager.*\\.log"), log.toString());
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).matches(SEED_LINE), lines.get(0));
        List<String> deprecations = lines.stream().filter(line -> line.contains("deprecated")).toList();
        assertEquals(1, deprecations.size(), deprecations::toString);
        assertTrue(deprecations.get(0).matches(TIME
                + " WARN  io\\.podflow\\.common\\.config\\.ConfigurationLoader +- Configuration key "
                + "'jobmanager\\.heap\\.size' is deprecated, use 'jobmanager\\.memory\\.heap\\.size'"),
                deprecations.get(0));
        // the seed's file logs to the file only, where the default would also log to the console (the .out file)
        String out = Files.readString(Path.of(log.toString().replaceFirst("\\.log$", ".out")));
        assertEquals("", out);
    }

    /** The conf directory as the ConfigMap volume leaves it: only the two keys it lists. */
    private static void mountSeedConfigMap(Path conf) throws Exception {
        try (Stream<Path> shipped = Files.list(conf)) {
            for (Path file : shipped.toList()) {
                Files.delete(file);
            }
        }
        Path seed = Path.of(SeedConfigMapJobManagerIT.class.getResource("/seed-conf/flink-conf.yaml").toURI())
                .getParent();
        Files.copy(seed.resolve("flink-conf.yaml"), conf.resolve("flink-conf.yaml"));
        Files.copy(seed.resolve("log4j.properties"), conf.resolve("log4j.properties"));
    }
}
