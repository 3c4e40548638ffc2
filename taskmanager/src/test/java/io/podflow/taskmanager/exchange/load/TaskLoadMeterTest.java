package io.podflow.taskmanager.exchange.load;

import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.TaskLoad;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskLoadMeterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final double EXACT = 1e-9;

    private final ExecutionAttemptID attempt = ExecutionAttemptID.generate();
    private final TaskLoadMeter meter = new TaskLoadMeter(attempt, JobID.generate(), 0);

    @Test
    void sharesOfAnIntervalAreTheWaitsInItAndTheRestIsBusy() {
        meter.backPressure().begin(SECOND);
        meter.backPressure().end(3 * SECOND);
        meter.idle().begin(3 * SECOND);
        meter.idle().end(4 * SECOND);

        TaskLoad load = meter.sample(4 * SECOND, 1234);

        assertEquals(attempt, load.attemptId());
        assertEquals(1234, load.sampledAtEpochMillis());
        assertEquals(0.5, load.backPressuredRatio(), EXACT);
        assertEquals(0.25, load.idleRatio(), EXACT);
        assertEquals(0.25, load.busyRatio(), EXACT);
        assertEquals(2000, load.backPressuredMillis());
        assertEquals(1000, load.idleMillis());
        assertEquals(1000, load.busyMillis());
    }

    @Test
    void eachSampleCoversOnlyTheTimeSinceThePreviousOneWhileTotalsAccumulate() {
        meter.backPressure().begin(0);
        meter.backPressure().end(2 * SECOND);
        meter.sample(2 * SECOND, 0);

        TaskLoad second = meter.sample(4 * SECOND, 0);

        assertEquals(0, second.backPressuredRatio(), EXACT);
        assertEquals(1, second.busyRatio(), EXACT);
        assertEquals(2000, second.backPressuredMillis());
        assertEquals(2000, second.busyMillis());
    }

    @Test
    void aWaitStillUnderWayCountsUpToTheSampleAndNotTwice() {
        meter.backPressure().begin(SECOND);

        TaskLoad during = meter.sample(4 * SECOND, 0);
        meter.backPressure().end(6 * SECOND);
        TaskLoad after = meter.sample(8 * SECOND, 0);

        assertEquals(0.75, during.backPressuredRatio(), EXACT);
        assertEquals(0.5, after.backPressuredRatio(), EXACT);
        assertEquals(5000, after.backPressuredMillis());
    }

    @Test
    void sharesStayBetweenZeroAndOneAndAddUpToOne() {
        meter.backPressure().begin(0);
        meter.backPressure().end(3 * SECOND);
        meter.idle().begin(0);
        meter.idle().end(3 * SECOND);

        TaskLoad load = meter.sample(2 * SECOND, 0);

        assertEquals(1, load.backPressuredRatio(), EXACT);
        assertEquals(0, load.idleRatio(), EXACT);
        assertEquals(0, load.busyRatio(), EXACT);
    }

    @Test
    void aSampleWithoutElapsedTimeReportsNoWait() {
        TaskLoad load = meter.sample(0, 0);

        assertEquals(0, load.backPressuredRatio(), EXACT);
        assertEquals(1, load.busyRatio(), EXACT);
    }

    @Test
    void queueOperationsThatNeedNotWaitCountNothing() throws InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        WaitClock clock = new WaitClock();

        clock.put(queue, "record");
        assertEquals("record", clock.take(queue));

        assertEquals(0, clock.waitedUntil(Long.MAX_VALUE));
    }
}
