package io.podflow.api.functions;

/**
 * Processes each record of a keyed stream with access to state and timers of the record's key. Override
 * {@link #onTimer} to act on timers registered through {@link Context#timerService()}.
 */
public abstract class KeyedProcessFunction<K, I, O> implements RichFunction {

    private transient RuntimeContext runtimeContext;

    /** Called by the runtime before {@link #open}. */
    public final void setRuntimeContext(RuntimeContext runtimeContext) {
        this.runtimeContext = runtimeContext;
    }

    public final RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context is available from open() on, not in a constructor");
        }
        return runtimeContext;
    }

    public abstract void processElement(I value, Context<K> context, Collector<O> out) throws Exception;

    /** Called when a timer registered for the current key fires. */
    public void onTimer(long timestamp, Context<K> context, Collector<O> out) throws Exception {
    }

    /** The key being processed, the record's timestamp, and timers. */
    public interface Context<K> {

        /** The event-time timestamp of the current record or firing timer, or null when it has none. */
        Long timestamp();

        K getCurrentKey();

        TimerService timerService();
    }

    /** Clocks and timer registration for the current key. */
    public interface TimerService {

        long currentProcessingTime();

        long currentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);
    }
}
