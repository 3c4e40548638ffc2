package io.podflow.api.operators;

import io.podflow.api.runtime.OperatorContext;
import io.podflow.api.runtime.Output;
import io.podflow.api.runtime.StreamRecord;
import io.podflow.api.runtime.TaskTimers;

import java.util.ArrayList;
import java.util.List;

/** Drives one operator on the test thread with a hand-moved clock and records what it emits. */
final class OperatorHarness implements Output {

    private final StreamOperator operator;
    private final TaskTimers timers;
    private final List<StreamRecord> records = new ArrayList<>();
    private final List<Long> watermarks = new ArrayList<>();
    private long now;

    OperatorHarness(StreamOperator operator) throws Exception {
        this.operator = operator;
        this.timers = new TaskTimers(() -> now);
        operator.setup(new OperatorContext("test", 0, 1, getClass().getClassLoader(), timers), this);
        operator.open();
    }

    void element(Object value, long timestamp) throws Exception {
        operator.processElement(new StreamRecord(value, timestamp));
    }

    void element(Object value) throws Exception {
        operator.processElement(StreamRecord.of(value));
    }

    void watermark(long watermark) throws Exception {
        operator.processWatermark(watermark);
    }

    void advanceClockTo(long time) throws Exception {
        now = time;
        timers.fireDue();
    }

    void finish() throws Exception {
        operator.finish();
    }

    /** The values emitted since the last call. */
    List<Object> takeValues() {
        List<Object> values = records.stream().map(StreamRecord::value).toList();
        records.clear();
        return values;
    }

    List<StreamRecord> takeRecords() {
        List<StreamRecord> taken = List.copyOf(records);
        records.clear();
        return taken;
    }

    List<Long> watermarks() {
        return watermarks;
    }

    @Override
    public void collect(StreamRecord record) {
        records.add(record);
    }

    @Override
    public void emitWatermark(long watermark) {
        watermarks.add(watermark);
    }
}
