package io.podflow.api.connectors;

import io.podflow.api.functions.SourceFunction;

/** Emits the numbers {@code from..to} (both included); each parallel subtask emits one contiguous part. */
public final class SequenceSource implements SourceFunction<Long> {

    private final long from;
    private final long to;
    private volatile boolean running = true;

    public SequenceSource(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("A sequence from " + from + " to " + to + " is empty; 'to' must not "
                    + "be smaller than 'from'");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public void run(SourceContext<Long> context) throws InterruptedException {
        long count = to - from + 1;
        long start = from + partBoundary(count, context.subtaskIndex(), context.parallelism());
        long end = from + partBoundary(count, context.subtaskIndex() + 1, context.parallelism());
        for (long value = start; value < end && running; value++) {
            context.collect(value);
        }
    }

    /** Where part {@code part} begins: parts differ in size by at most one, without overflowing. */
    private static long partBoundary(long count, int part, int parts) {
        return part * (count / parts) + Math.min(part, count % parts);
    }

    @Override
    public void cancel() {
        running = false;
    }
}
