package io.podflow.api.environment;

/** Job-wide settings of the DataStream API. */
public final class ExecutionConfig {

    private long autoWatermarkInterval = 200;

    /** How often (processing-time milliseconds) watermark assigners emit a watermark; 200 by default. */
    public ExecutionConfig setAutoWatermarkInterval(long milliseconds) {
        if (milliseconds <= 0) {
            throw new IllegalArgumentException("The watermark interval must be positive, not " + milliseconds);
        }
        autoWatermarkInterval = milliseconds;
        return this;
    }

    public long getAutoWatermarkInterval() {
        return autoWatermarkInterval;
    }
}
