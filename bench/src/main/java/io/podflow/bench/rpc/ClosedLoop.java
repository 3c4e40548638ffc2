package io.podflow.bench.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a fixed number of requests in flight: each lane sends its next request when the previous one answered.
 * Requests started during the warm-up are not recorded; lanes stop sending at the end of the measurement.
 */
final class ClosedLoop {

    /** Sends one request for {@code lane}; calls {@link ClosedLoop#completed} when its answer arrives. */
    interface Sender {
        void send(ClosedLoop loop, int lane, long startNanos);
    }

    private final List<LatencyRecorder> lanes = new ArrayList<>();
    private final CountDownLatch finished;
    private final Sender sender;
    private long measureFrom;
    private long measureUntil;
    private volatile Throwable failure;

    private ClosedLoop(int inFlight, Sender sender) {
        this.sender = sender;
        this.finished = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            lanes.add(new LatencyRecorder());
        }
    }

    static Measurement run(String name, int inFlight, Duration warmup, Duration measure, ProcessHandle server,
            Sender sender) throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(inFlight, sender);
        long cpuBefore = cpuNanos(ProcessHandle.current()) + cpuNanos(server);
        long now = System.nanoTime();
        loop.measureFrom = now + warmup.toNanos();
        loop.measureUntil = loop.measureFrom + measure.toNanos();
        for (int lane = 0; lane < inFlight; lane++) {
            sender.send(loop, lane, System.nanoTime());
        }
        if (!loop.finished.await(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": lanes did not finish");
        }
        if (loop.failure != null) {
            throw new IllegalStateException(name + " failed: " + loop.failure, loop.failure);
        }
        long cpu = cpuNanos(ProcessHandle.current()) + cpuNanos(server) - cpuBefore;
        double cpuMicrosPerRequest = cpu / 1_000.0 / Math.max(1, LatencyRecorder.answered(loop.lanes));
        return LatencyRecorder.summarize(name, inFlight, loop.lanes, measure.toNanos(), cpuMicrosPerRequest);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    void completed(int lane, long startNanos) {
        long now = System.nanoTime();
        lanes.get(lane).answered();
        if (startNanos >= measureFrom && now <= measureUntil) {
            lanes.get(lane).record(now - startNanos);
        }
        if (now < measureUntil) {
            sender.send(this, lane, now);
        } else {
            finished.countDown();
        }
    }

    void failed(Throwable error) {
        failure = error;
        finished.countDown();
    }
}
