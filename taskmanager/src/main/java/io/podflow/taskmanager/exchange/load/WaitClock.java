package io.podflow.taskmanager.exchange.load;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Adds up the time a task's thread spent in one kind of wait, counting a wait still under way, so a sampler reading
 * it during a long wait sees that wait grow instead of a jump once it ends. One waiting thread, any reader thread.
 */
public final class WaitClock {

    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final AtomicLong waitingSince = new AtomicLong(NOT_WAITING);
    private final AtomicLong waitedNanos = new AtomicLong();

    /** The task thread starts waiting at {@code nowNanos} ({@link System#nanoTime()}). */
    public void begin(long nowNanos) {
        waitingSince.set(nowNanos);
    }

    /** The task thread stops waiting at {@code nowNanos}. */
    public void end(long nowNanos) {
        long since = waitingSince.getAndSet(NOT_WAITING);
        if (since != NOT_WAITING) {
            waitedNanos.addAndGet(Math.max(0, nowNanos - since));
        }
    }

    /** Takes the queue's head, counting the time spent waiting for one if the queue is empty. */
    public <T> T take(BlockingQueue<T> queue) throws InterruptedException {
        T head = queue.poll();
        if (head != null) {
            return head;
        }
        begin(System.nanoTime());
        try {
            return queue.take();
        } finally {
            end(System.nanoTime());
        }
    }

    /** Appends to the queue, counting the time spent waiting for room if the queue is full. */
    public <T> void put(BlockingQueue<T> queue, T element) throws InterruptedException {
        if (queue.offer(element)) {
            return;
        }
        begin(System.nanoTime());
        try {
            queue.put(element);
        } finally {
            end(System.nanoTime());
        }
    }

    /** Every nanosecond waited up to {@code nowNanos}, the current wait included. */
    long waitedUntil(long nowNanos) {
        long since = waitingSince.get();
        return waitedNanos.get() + (since == NOT_WAITING ? 0 : Math.max(0, nowNanos - since));
    }
}
