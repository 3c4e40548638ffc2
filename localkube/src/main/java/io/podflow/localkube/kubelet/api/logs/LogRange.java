package io.podflow.localkube.kubelet.api.logs;

import io.podflow.localkube.kubelet.container.LogIndex.Mark;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The part of a container's log file that holds one run: the current run from its start to whatever it writes
 * next (no end), or the run before it, which ends where the current one starts. A log without an index is one
 * run.
 */
public record LogRange(long start, OptionalLong end) {

    /** The current or the previous run; empty when {@code previous} is asked for and the container has none. */
    public static Optional<LogRange> of(List<Mark> marks, boolean previous) {
        List<Long> runStarts = marks.stream().filter(Mark::runStart).map(Mark::offset).toList();
        int runs = runStarts.size();
        if (!previous) {
            return Optional.of(new LogRange(runs == 0 ? 0 : runStarts.get(runs - 1), OptionalLong.empty()));
        }
        if (runs < 2) {
            return Optional.empty();
        }
        return Optional.of(new LogRange(runStarts.get(runs - 2), OptionalLong.of(runStarts.get(runs - 1))));
    }

    /**
     * Where output written at or after {@code since} begins in this range: the first piece of output marked
     * then or later, else the range's end ({@code size} for the open current run).
     */
    long startSince(List<Mark> marks, Instant since, long size) {
        long limit = end.orElse(size);
        return marks.stream().filter(mark -> !mark.runStart() && mark.offset() >= start && mark.offset() < limit
                && !mark.time().isBefore(since)).mapToLong(Mark::offset).findFirst().orElse(limit);
    }
}
