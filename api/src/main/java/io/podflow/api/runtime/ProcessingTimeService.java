package io.podflow.api.runtime;

/** The task's wall clock and its timers; callbacks run on the task thread, between records. */
public interface ProcessingTimeService {

    long now();

    /** Runs {@code callback} once the clock reaches {@code time}. */
    void schedule(long time, Callback callback);

    /** Code to run when a processing-time timer is due. */
    @FunctionalInterface
    interface Callback {
        void onProcessingTime(long time) throws Exception;
    }
}
