package io.podflow.bench.rpc;

import java.util.Arrays;
import java.util.List;

/** Latencies of one request lane; a lane records from one thread at a time, so it needs no locking. */
final class LatencyRecorder {

    private long[] nanos = new long[1 << 16];
    private int count;
    private long answered;

    /** Counts an answer, measured or not (warm-up), for the CPU-per-request figure. */
    void answered() {
        answered++;
    }

    static long answered(List<LatencyRecorder> lanes) {
        return lanes.stream().mapToLong(lane -> lane.answered).sum();
    }

    void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = latencyNanos;
    }

    /** Merges the lanes' recordings into one result. */
    static Measurement summarize(String name, int inFlight, List<LatencyRecorder> lanes, long measuredNanos,
            double cpuMicrosPerRequest) {
        int total = lanes.stream().mapToInt(lane -> lane.count).sum();
        long[] all = new long[total];
        int offset = 0;
        for (LatencyRecorder lane : lanes) {
            System.arraycopy(lane.nanos, 0, all, offset, lane.count);
            offset += lane.count;
        }
        Arrays.sort(all);
        return new Measurement(name, inFlight, total * 1e9 / measuredNanos, percentile(all, 0.50),
                percentile(all, 0.99), cpuMicrosPerRequest);
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000.0;
    }
}
