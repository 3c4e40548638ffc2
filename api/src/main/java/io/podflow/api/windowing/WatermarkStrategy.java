package io.podflow.api.windowing;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a stream gets event time: a timestamp per record, and watermarks that trail the largest timestamp seen by
 * {@code maxOutOfOrderness}, promising that no record older than the watermark is still to come.
 */
public record WatermarkStrategy<T>(Duration maxOutOfOrderness, TimestampAssigner<T> timestampAssigner)
        implements Serializable {

    public WatermarkStrategy {
        if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("The out-of-orderness bound must be zero or positive, not "
                    + maxOutOfOrderness);
        }
    }

    /** Watermarks {@code maxOutOfOrderness} behind the largest timestamp seen. */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        return new WatermarkStrategy<>(maxOutOfOrderness, null);
    }

    /** For streams whose timestamps never go back. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return new WatermarkStrategy<>(Duration.ZERO, null);
    }

    /** The same strategy reading timestamps with {@code assigner}; without one, records keep their timestamps. */
    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(maxOutOfOrderness, assigner);
    }
}
