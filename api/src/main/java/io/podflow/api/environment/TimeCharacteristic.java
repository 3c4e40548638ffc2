package io.podflow.api.environment;

/** Which clock {@code timeWindow(...)} uses. */
public enum TimeCharacteristic {
    /** The wall clock of the TaskManager when a record is processed (the default). */
    ProcessingTime,
    /** The records' own timestamps, with watermarks from assignTimestampsAndWatermarks. */
    EventTime
}
