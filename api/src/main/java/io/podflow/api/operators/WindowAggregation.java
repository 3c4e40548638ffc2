package io.podflow.api.operators;

import io.podflow.api.functions.Collector;
import io.podflow.api.windowing.TimeWindow;

import java.io.Serializable;

/** What a window keeps per key while it is open, and how it turns that into results when it fires. */
public interface WindowAggregation extends Serializable {

    /** Adds a record to the accumulator ({@code null} for the first record of a key in a window). */
    Object add(Object accumulator, Object value) throws Exception;

    void emit(Object key, TimeWindow window, Object accumulator, Collector<Object> out) throws Exception;
}
