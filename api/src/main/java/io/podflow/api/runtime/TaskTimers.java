package io.podflow.api.runtime;

import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/** The processing-time timers of one task, fired by the task loop; not thread-safe (task thread only). */
public final class TaskTimers implements ProcessingTimeService {

    private final LongSupplier clock;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long sequence;

    public TaskTimers(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public long now() {
        return clock.getAsLong();
    }

    @Override
    public void schedule(long time, Callback callback) {
        timers.add(new Timer(time, sequence++, callback));
    }

    /** Milliseconds until the next timer is due (0 when one is due now), or -1 when none is scheduled. */
    public long millisUntilNext() {
        Timer next = timers.peek();
        return next == null ? -1 : Math.max(0, next.time - now());
    }

    /** Runs every timer due by now, in time order, including timers those callbacks schedule for the past. */
    public void fireDue() throws Exception {
        long now = now();
        while (!timers.isEmpty() && timers.peek().time <= now) {
            Timer timer = timers.poll();
            timer.callback.onProcessingTime(timer.time);
        }
    }

    private record Timer(long time, long sequence, Callback callback) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
