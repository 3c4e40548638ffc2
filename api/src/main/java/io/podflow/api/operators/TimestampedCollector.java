package io.podflow.api.operators;

import io.podflow.api.functions.Collector;
import io.podflow.api.runtime.Output;
import io.podflow.api.runtime.StreamRecord;

/** A collector that emits into an {@link Output} with a timestamp set before each call of the user function. */
final class TimestampedCollector implements Collector<Object> {

    private final Output output;
    private long timestamp = StreamRecord.NO_TIMESTAMP;

    TimestampedCollector(Output output) {
        this.output = output;
    }

    void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void collect(Object record) {
        try {
            output.collect(new StreamRecord(record, timestamp));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DownstreamFailure(e);
        }
    }

    /** A checked failure of a downstream operator, carried through a user function that cannot declare it. */
    static final class DownstreamFailure extends RuntimeException {
        DownstreamFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
