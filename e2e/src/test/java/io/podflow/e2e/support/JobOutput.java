package io.podflow.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads what a job's text sink wrote: one file, or a directory of one file per parallel sink instance. */
public final class JobOutput {

    private JobOutput() {
    }

    /** Every line written below {@code output}, in no particular order across files. */
    public static List<String> lines(Path output) throws IOException {
        if (Files.isRegularFile(output)) {
            return Files.readAllLines(output);
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }
}
