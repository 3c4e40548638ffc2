package io.podflow.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outside /opt/flink, {@code bin/flink} keeps a class-data archive of its own in the user's cache (see run_tool in
 * bin/config.sh): dumped by the first run that succeeds, mapped by the runs after it, never kept from a failed run,
 * and never a word about it on the console.
 */
class ToolClassArchiveIT {

    @TempDir
    Path temp;

    private Path distribution;
    private Path archives;

    @BeforeEach
    void locate() {
        distribution = Path.of(System.getProperty("podflow.dist.home", "target/podflow")).toAbsolutePath();
        archives = temp.resolve("archives");
    }

    @Test
    void theFirstSuccessfulRunDumpsTheArchiveAndTheRunsAfterItMapIt() throws Exception {
        Run first = flink(Map.of(), "info", exampleJar());

        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("Job graph"), first.output());
        assertFalse(first.output().contains("[warning]"), first.output());
        List<Path> dumped = files(archives);
        assertEquals(1, dumped.size(), dumped::toString);
        assertTrue(dumped.get(0).getFileName().toString().endsWith(".jsa"), dumped::toString);
        FileTime dumpedAt = Files.getLastModifiedTime(dumped.get(0));

        // with -Xshare:on a JVM that cannot map its archive refuses to start
        Run second = flink(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), "info", exampleJar());

        assertEquals(0, second.exitCode(), second.output());
        assertTrue(second.output().contains("Job graph"), second.output());
        assertEquals(dumped, files(archives));
        assertEquals(dumpedAt, Files.getLastModifiedTime(dumped.get(0)));
    }

    @Test
    void aFailedRunKeepsNoArchive() throws Exception {
        Run failed = flink(Map.of(), "info", temp.resolve("no-such-job.jar").toString());

        assertNotEquals(0, failed.exitCode(), failed.output());
        assertTrue(failed.output().contains("does not exist"), failed.output());
        assertEquals(List.of(), files(archives));
    }

    @Test
    void anEmptyArchiveDirectoryTurnsTheArchiveOff() throws Exception {
        Run run = flink(Map.of("PODFLOW_TOOL_ARCHIVE_DIR", ""), "info", exampleJar());

        assertEquals(0, run.exitCode(), run.output());
        assertFalse(Files.exists(archives));
    }

    private String exampleJar() {
        return distribution.resolve("examples/streaming/WordCount.jar").toString();
    }

    private Run flink(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(distribution.resolve("bin/flink").toString()), Stream.of(args))
                .toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("output.txt").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("FLINK_") || key.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("FLINK_LOG_DIR", temp.resolve("log").toString());
        builder.environment().put("PODFLOW_TOOL_ARCHIVE_DIR", archives.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/flink did not end");
        }
        return new Run(process.exitValue(), Files.readString(temp.resolve("output.txt"), StandardCharsets.UTF_8));
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private record Run(int exitCode, String output) {
    }
}
