package io.podflow.api.operators;

import io.podflow.api.runtime.OperatorContext;
import io.podflow.api.runtime.Output;
import io.podflow.api.runtime.StreamRecord;

import java.io.Serializable;

/**
 * One step of an operator chain. The client serializes a configured instance into the JobGraph; each subtask
 * deserializes its own copy, then calls setup, open, processElement/processWatermark, finish and close, all on
 * the task thread.
 */
public abstract class StreamOperator implements Serializable {

    private transient OperatorContext context;
    private transient Output output;
    private transient long currentWatermark;

    public final void setup(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.currentWatermark = Long.MIN_VALUE;
    }

    protected final OperatorContext context() {
        return context;
    }

    protected final Output output() {
        return output;
    }

    /** The last watermark this operator received. */
    protected final long currentWatermark() {
        return currentWatermark;
    }

    public void open() throws Exception {
    }

    public abstract void processElement(StreamRecord record) throws Exception;

    /** Event time has reached {@code watermark}; by default only passed on. */
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        onWatermark(watermark);
        output.emitWatermark(watermark);
    }

    /** Work to do when event time advances, before the watermark is passed on. */
    protected void onWatermark(long watermark) throws Exception {
    }

    /** All input has arrived: emit whatever is still held back. */
    public void finish() throws Exception {
    }

    /** Releases resources; called after finish, and also when the task fails. */
    public void close() throws Exception {
    }
}
