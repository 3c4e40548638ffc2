package io.podflow.api.operators;

import io.podflow.api.runtime.StreamRecord;
import io.podflow.api.windowing.TimestampAssigner;
import io.podflow.api.windowing.WatermarkStrategy;

/**
 * Gives records their event-time timestamps and emits watermarks that trail the largest timestamp seen by the
 * strategy's out-of-orderness bound, every {@code intervalMillis} of processing time. Upstream watermarks are
 * replaced by its own, except the final one that marks the end of input.
 */
public final class TimestampsAndWatermarksOperator extends StreamOperator {

    private final WatermarkStrategy<Object> strategy;
    private final long intervalMillis;
    private transient long maxTimestamp;
    private transient long lastEmitted;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<Object> strategy, long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("The watermark interval must be positive, not " + intervalMillis);
        }
        this.strategy = strategy;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void open() {
        maxTimestamp = Long.MIN_VALUE;
        lastEmitted = Long.MIN_VALUE;
        scheduleNext();
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        TimestampAssigner<Object> assigner = strategy.timestampAssigner();
        long timestamp = assigner == null ? record.timestamp()
                : assigner.extractTimestamp(record.value(), record.timestamp());
        if (timestamp == StreamRecord.NO_TIMESTAMP) {
            throw new IllegalStateException("A record reached the watermark assigner without a timestamp: give the "
                    + "WatermarkStrategy a timestamp assigner (withTimestampAssigner)");
        }
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        output().collect(new StreamRecord(record.value(), timestamp));
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark == Long.MAX_VALUE) {
            lastEmitted = watermark;
            output().emitWatermark(watermark);
        }
    }

    private void scheduleNext() {
        context().processingTime().schedule(context().processingTime().now() + intervalMillis, time -> {
            emitWatermark();
            scheduleNext();
        });
    }

    private void emitWatermark() throws Exception {
        if (maxTimestamp == Long.MIN_VALUE || lastEmitted == Long.MAX_VALUE) {
            return;
        }
        long watermark = maxTimestamp - strategy.maxOutOfOrderness().toMillis() - 1;
        if (watermark > lastEmitted) {
            lastEmitted = watermark;
            output().emitWatermark(watermark);
        }
    }
}
