package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How back-pressured a subtask or vertex is, by the share of its time it waited for consumers, with Flink's REST
 * thresholds: up to 10 % is ok, up to 50 % low, above that high.
 */
enum BackPressureLevel {
    OK, LOW, HIGH;

    static BackPressureLevel of(double backPressuredRatio) {
        if (backPressuredRatio <= 0.10) {
            return OK;
        }
        return backPressuredRatio <= 0.50 ? LOW : HIGH;
    }

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
