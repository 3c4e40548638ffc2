package io.podflow.common.metrics;

/**
 * A reading an endpoint publishes from its main thread whenever the value changes, so reporters read it from their
 * own threads without touching the endpoint's state.
 */
public final class PublishedGauge {

    private volatile double value;

    public void set(double newValue) {
        value = newValue;
    }

    public double value() {
        return value;
    }
}
