package io.podflow.api.operators;

import io.podflow.api.functions.KeySelector;
import io.podflow.api.functions.KeyedProcessFunction;
import io.podflow.api.runtime.StreamRecord;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Runs a {@link KeyedProcessFunction} with value state and timers per key. Event-time timers fire when the
 * watermark passes them (all of them at the end of input); processing-time timers on the task's clock.
 */
public final class KeyedProcessOperator extends UserFunctionOperator<KeyedProcessFunction<Object, Object, Object>> {

    private final KeySelector<Object, Object> keySelector;
    private transient Set<KeyedTimer> registered;
    private transient PriorityQueue<KeyedTimer> eventTimers;
    private transient PriorityQueue<KeyedTimer> processingTimers;
    private transient TimestampedCollector collector;
    private transient ProcessContext processContext;

    public KeyedProcessOperator(KeySelector<Object, Object> keySelector,
            KeyedProcessFunction<Object, Object, Object> function) {
        super(function);
        this.keySelector = keySelector;
    }

    @Override
    protected boolean isKeyed() {
        return true;
    }

    @Override
    public void open() throws Exception {
        super.open();
        registered = new HashSet<>();
        eventTimers = new PriorityQueue<>();
        processingTimers = new PriorityQueue<>();
        collector = new TimestampedCollector(output());
        processContext = new ProcessContext();
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        keyedState().setCurrentKey(keySelector.getKey(record.value()));
        processContext.timestamp = record.hasTimestamp() ? record.timestamp() : null;
        collector.setTimestamp(record.timestamp());
        function.processElement(record.value(), processContext, collector);
    }

    @Override
    protected void onWatermark(long watermark) throws Exception {
        fireDue(eventTimers, watermark, true);
    }

    private void onProcessingTime(long time) throws Exception {
        fireDue(processingTimers, time, false);
    }

    private void fireDue(PriorityQueue<KeyedTimer> timers, long time, boolean eventTime) throws Exception {
        while (!timers.isEmpty() && timers.peek().time <= time) {
            KeyedTimer timer = timers.poll();
            registered.remove(timer);
            keyedState().setCurrentKey(timer.key);
            processContext.timestamp = eventTime ? timer.time : null;
            collector.setTimestamp(eventTime ? timer.time : StreamRecord.NO_TIMESTAMP);
            function.onTimer(timer.time, processContext, collector);
        }
    }

    /** A timer of one key; equal timers are registered once. */
    private record KeyedTimer(long time, Object key, boolean eventTime) implements Comparable<KeyedTimer> {
        @Override
        public int compareTo(KeyedTimer other) {
            return Long.compare(time, other.time);
        }
    }

    /** The context the function sees; one instance, updated per record and timer. */
    private final class ProcessContext implements KeyedProcessFunction.Context<Object>,
            KeyedProcessFunction.TimerService {
        Long timestamp;

        @Override
        public Long timestamp() {
            return timestamp;
        }

        @Override
        public Object getCurrentKey() {
            return keyedState().currentKey();
        }

        @Override
        public KeyedProcessFunction.TimerService timerService() {
            return this;
        }

        @Override
        public long currentProcessingTime() {
            return context().processingTime().now();
        }

        @Override
        public long currentWatermark() {
            return KeyedProcessOperator.this.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            KeyedTimer timer = new KeyedTimer(time, getCurrentKey(), false);
            if (registered.add(timer)) {
                processingTimers.add(timer);
                context().processingTime().schedule(time, KeyedProcessOperator.this::onProcessingTime);
            }
        }

        @Override
        public void registerEventTimeTimer(long time) {
            KeyedTimer timer = new KeyedTimer(time, getCurrentKey(), true);
            if (registered.add(timer)) {
                eventTimers.add(timer);
            }
        }
    }
}
