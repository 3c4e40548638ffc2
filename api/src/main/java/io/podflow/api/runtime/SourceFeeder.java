package io.podflow.api.runtime;

import io.podflow.api.functions.SourceFunction;

import java.util.concurrent.BlockingQueue;

/** Runs a source function on its own thread and puts what it emits in the task's mailbox. */
final class SourceFeeder implements Runnable, SourceFunction.SourceContext<Object> {

    private final SourceFunction<Object> source;
    private final BlockingQueue<Object> mailbox;
    private final int subtaskIndex;
    private final int parallelism;

    SourceFeeder(SourceFunction<Object> source, BlockingQueue<Object> mailbox, int subtaskIndex, int parallelism) {
        this.source = source;
        this.mailbox = mailbox;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    @Override
    public void run() {
        try {
            source.run(this);
            mailbox.put(InputEnded.INSTANCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            reportFailure(new TaskFailure("source", e));
        }
    }

    void cancel() {
        source.cancel();
    }

    @Override
    public void collect(Object record) throws InterruptedException {
        mailbox.put(StreamRecord.of(record));
    }

    @Override
    public void collectWithTimestamp(Object record, long timestamp) throws InterruptedException {
        mailbox.put(new StreamRecord(record, timestamp));
    }

    @Override
    public int subtaskIndex() {
        return subtaskIndex;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    private void reportFailure(TaskFailure failure) {
        try {
            mailbox.put(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
