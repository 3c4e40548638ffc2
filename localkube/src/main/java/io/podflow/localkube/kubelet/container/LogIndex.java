package io.podflow.localkube.kubelet.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When each part of a container's log file was written, kept beside it as {@code <log>.index}, one text line
 * per mark: {@code run OFFSET SECONDS.NANOS} where a run of the container starts (the log file holds every
 * run), {@code OFFSET SECONDS.NANOS} where a piece of output that arrived at that time starts.
 */
public final class LogIndex {

    private static final String RUN = "run";

    /** A position in the log file and the time it was written; {@code runStart} where a container run begins. */
    public record Mark(long offset, Instant time, boolean runStart) {
    }

    private LogIndex() {
    }

    public static Path of(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName() + ".index");
    }

    /** The index line of {@code mark}. */
    static String line(Mark mark) {
        return (mark.runStart() ? RUN + " " : "") + mark.offset() + " " + mark.time().getEpochSecond() + "."
                + String.format("%09d", mark.time().getNano()) + "\n";
    }

    static void append(Path index, Mark mark) throws IOException {
        Files.writeString(index, line(mark), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The marks of the index, oldest first; none when there is no index (yet). A torn last line is left out. */
    public static List<Mark> read(Path index) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Mark> marks = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.split(" ");
            boolean runStart = words.length == 3 && words[0].equals(RUN);
            int first = runStart ? 1 : 0;
            if (words.length != first + 2 || !words[first + 1].matches("\\d+\\.\\d{9}")) {
                continue;
            }
            String[] time = words[first + 1].split("\\.");
            marks.add(new Mark(Long.parseLong(words[first]),
                    Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])), runStart));
        }
        return marks;
    }
}
