package io.podflow.api.windowing;

import java.io.Serializable;
import java.util.List;

/** Decides which windows a record belongs to, and whether windows follow event time or processing time. */
public interface WindowAssigner extends Serializable {

    /**
     * The windows of a record with event-time {@code timestamp} (for event-time assigners) arriving at
     * {@code processingTime} (for processing-time assigners).
     */
    List<TimeWindow> assignWindows(long timestamp, long processingTime);

    boolean isEventTime();
}
