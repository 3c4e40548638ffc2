package io.podflow.common.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Counts events; any thread may count, any thread may read. */
public final class Counter {

    private final LongAdder count = new LongAdder();

    public void inc() {
        count.increment();
    }

    public long count() {
        return count.sum();
    }
}
