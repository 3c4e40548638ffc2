package io.podflow.localkube.kubelet.api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podflow.localkube.kubelet.container.LogIndex.Mark;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LogRangeTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    private final List<Mark> threeRuns = List.of(run(0, 0), output(0, 1), run(10, 5), output(10, 6), output(20, 7),
            run(30, 9), output(30, 10), output(45, 12));

    @Test
    void theCurrentRunStartsAtTheLastRunMarkAndHasNoEnd() {
        assertEquals(Optional.of(new LogRange(30, OptionalLong.empty())), LogRange.of(threeRuns, false));
        assertEquals(Optional.of(new LogRange(0, OptionalLong.empty())), LogRange.of(List.of(), false),
                "a log without index is one run");
    }

    @Test
    void thePreviousRunEndsWhereTheCurrentOneStartsAndNeedsTwoRuns() {
        assertEquals(Optional.of(new LogRange(10, OptionalLong.of(30))), LogRange.of(threeRuns, true));
        assertEquals(Optional.empty(), LogRange.of(List.of(run(0, 0), output(0, 1)), true));
    }

    @Test
    void sinceStartsAtTheFirstOutputOfTheRunWrittenThenOrLater() {
        LogRange previous = LogRange.of(threeRuns, true).orElseThrow();
        LogRange current = LogRange.of(threeRuns, false).orElseThrow();

        assertEquals(20, previous.startSince(threeRuns, T0.plusSeconds(7), 50));
        assertEquals(10, previous.startSince(threeRuns, T0, 50), "nothing before the run's own start");
        assertEquals(30, previous.startSince(threeRuns, T0.plusSeconds(8), 50), "nothing that late: the run's end");
        assertEquals(45, current.startSince(threeRuns, T0.plusSeconds(11), 50));
        assertEquals(50, current.startSince(threeRuns, T0.plusSeconds(60), 50), "nothing yet: the end of the file");
    }

    private static Mark run(long offset, long second) {
        return new Mark(offset, T0.plusSeconds(second), true);
    }

    private static Mark output(long offset, long second) {
        return new Mark(offset, T0.plusSeconds(second), false);
    }
}
