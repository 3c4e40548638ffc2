package io.podflow.api.operators;

import io.podflow.api.functions.KeySelector;
import io.podflow.api.runtime.StreamRecord;
import io.podflow.api.windowing.TimeWindow;
import io.podflow.api.windowing.WindowAssigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups a keyed stream into time windows and emits each window's result per key when time passes its end:
 * event-time windows on the watermark, processing-time windows on a timer. An event-time window stays open for
 * {@code allowedLatenessMillis} after it fired; a late record in that time fires it again with the record added.
 * Records whose windows are all past that are dropped and counted. When input ends, every open window fires.
 */
public final class WindowOperator extends StreamOperator {

    private static final Logger LOG = LoggerFactory.getLogger(WindowOperator.class);
    private static final Comparator<TimeWindow> BY_END = Comparator.comparingLong(TimeWindow::end)
            .thenComparingLong(TimeWindow::start);

    private final KeySelector<Object, Object> keySelector;
    private final WindowAssigner assigner;
    private final WindowAggregation aggregation;
    private final long allowedLatenessMillis;
    private transient TreeMap<TimeWindow, WindowContents> windows;
    private transient TimestampedCollector collector;
    private transient long droppedLateRecords;

    public WindowOperator(KeySelector<Object, Object> keySelector, WindowAssigner assigner,
            WindowAggregation aggregation, long allowedLatenessMillis) {
        if (allowedLatenessMillis < 0) {
            throw new IllegalArgumentException("Allowed lateness must be zero or positive, not "
                    + allowedLatenessMillis + " ms");
        }
        this.keySelector = keySelector;
        this.assigner = assigner;
        this.aggregation = aggregation;
        this.allowedLatenessMillis = allowedLatenessMillis;
    }

    @Override
    public void open() {
        windows = new TreeMap<>(BY_END);
        collector = new TimestampedCollector(output());
    }

    /** Records dropped because they arrived after their windows' allowed lateness. */
    public long droppedLateRecords() {
        return droppedLateRecords;
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        if (assigner.isEventTime() && !record.hasTimestamp()) {
            throw new IllegalStateException("An event-time window got a record without a timestamp: call "
                    + "assignTimestampsAndWatermarks(...) upstream, or use processing-time windows");
        }
        Object key = keySelector.getKey(record.value());
        List<TimeWindow> assigned = assigner.assignWindows(record.timestamp(), context().processingTime().now());
        boolean accepted = false;
        for (TimeWindow window : assigned) {
            if (assigner.isEventTime() && isExpired(window)) {
                continue;
            }
            accepted = true;
            WindowContents contents = windows.get(window);
            if (contents == null) {
                contents = new WindowContents();
                // a late record within the allowed lateness that opens a past window fires it at once
                contents.fired = assigner.isEventTime() && window.maxTimestamp() <= currentWatermark();
                windows.put(window, contents);
                if (!assigner.isEventTime()) {
                    context().processingTime().schedule(window.maxTimestamp(), this::fireProcessingTime);
                }
            }
            Object accumulator = aggregation.add(contents.byKey.get(key), record.value());
            contents.byKey.put(key, accumulator);
            if (contents.fired) {
                emit(window, key, accumulator);
            }
        }
        if (!accepted) {
            droppedLateRecords++;
        }
    }

    @Override
    protected void onWatermark(long watermark) throws Exception {
        if (!assigner.isEventTime()) {
            return;
        }
        Iterator<Map.Entry<TimeWindow, WindowContents>> due = windows.entrySet().iterator();
        while (due.hasNext()) {
            Map.Entry<TimeWindow, WindowContents> entry = due.next();
            TimeWindow window = entry.getKey();
            if (window.maxTimestamp() > watermark) {
                break;
            }
            if (!entry.getValue().fired) {
                emitAll(window, entry.getValue());
                entry.getValue().fired = true;
            }
            if (isExpired(window)) {
                due.remove();
            }
        }
    }

    @Override
    public void finish() throws Exception {
        for (Map.Entry<TimeWindow, WindowContents> entry : windows.entrySet()) {
            if (!entry.getValue().fired) {
                emitAll(entry.getKey(), entry.getValue());
            }
        }
        windows.clear();
    }

    @Override
    public void close() {
        if (droppedLateRecords > 0) {
            LOG.info("{}: dropped {} records that arrived after their windows' allowed lateness",
                    context().taskName(), droppedLateRecords);
        }
    }

    private void fireProcessingTime(long time) throws Exception {
        Iterator<Map.Entry<TimeWindow, WindowContents>> due = windows.entrySet().iterator();
        while (due.hasNext()) {
            Map.Entry<TimeWindow, WindowContents> entry = due.next();
            if (entry.getKey().maxTimestamp() > time) {
                break;
            }
            emitAll(entry.getKey(), entry.getValue());
            due.remove();
        }
    }

    private boolean isExpired(TimeWindow window) {
        long cleanupTime = window.maxTimestamp() + allowedLatenessMillis;
        return cleanupTime <= currentWatermark() && cleanupTime >= window.maxTimestamp();
    }

    private void emitAll(TimeWindow window, WindowContents contents) throws Exception {
        for (Map.Entry<Object, Object> entry : contents.byKey.entrySet()) {
            emit(window, entry.getKey(), entry.getValue());
        }
    }

    private void emit(TimeWindow window, Object key, Object accumulator) throws Exception {
        collector.setTimestamp(window.maxTimestamp());
        aggregation.emit(key, window, accumulator, collector);
    }

    /** The accumulators of one window, per key in arrival order, and whether the window has fired. */
    private static final class WindowContents {
        final Map<Object, Object> byKey = new LinkedHashMap<>();
        boolean fired;
    }
}
