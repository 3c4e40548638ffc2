package io.podflow.api.functions;

/**
 * Produces a stream's records. {@link #run} emits until the input ends (a bounded source returns) or until
 * {@link #cancel} is called from another thread.
 */
public interface SourceFunction<T> extends Function {

    void run(SourceContext<T> context) throws Exception;

    void cancel();

    /** Where a source emits to, and which subtask of the source it is. */
    interface SourceContext<T> {

        void collect(T record) throws InterruptedException;

        /** Emits a record with an event-time timestamp in epoch milliseconds. */
        void collectWithTimestamp(T record, long timestamp) throws InterruptedException;

        int subtaskIndex();

        int parallelism();
    }
}
