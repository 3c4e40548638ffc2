package io.podflow.metrics.prometheus;

import io.podflow.common.plugin.metrics.MetricType;
import io.podflow.common.plugin.metrics.MetricValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus' text exposition format (version 0.0.4) with Flink's names: {@code flink_}, the scope and the name
 * joined by {@code _}, every character Prometheus does not allow in a name replaced by {@code _}
 * ({@code flink_taskmanager_Status_JVM_Memory_Heap_Used}); the variables become labels.
 */
final class PrometheusTextFormat {

    private PrometheusTextFormat() {
    }

    static String format(List<MetricValue> metrics) {
        Map<String, List<MetricValue>> byName = new LinkedHashMap<>();
        for (MetricValue metric : metrics) {
            byName.computeIfAbsent(name(metric), name -> new ArrayList<>()).add(metric);
        }
        StringBuilder text = new StringBuilder();
        byName.forEach((name, family) -> {
            MetricValue first = family.get(0);
            text.append("# HELP ").append(name).append(' ').append(first.name()).append(" (scope: ")
                    .append(String.join(".", first.scope())).append(")\n");
            text.append("# TYPE ").append(name).append(' ')
                    .append(first.type() == MetricType.COUNTER ? "counter" : "gauge").append('\n');
            for (MetricValue metric : family) {
                text.append(name).append(labels(metric.variables())).append(' ').append(number(metric.value()))
                        .append('\n');
            }
        });
        return text.toString();
    }

    private static String name(MetricValue metric) {
        return sanitize("flink_" + String.join("_", metric.scope()) + "_" + metric.name());
    }

    private static String labels(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return "";
        }
        StringBuilder labels = new StringBuilder("{");
        new TreeMap<>(variables).forEach((key, value) -> {
            if (labels.length() > 1) {
                labels.append(',');
            }
            labels.append(sanitize(key)).append("=\"").append(escape(value)).append('"');
        });
        return labels.append('}').toString();
    }

    private static String sanitize(String name) {
        StringBuilder sanitized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9' && i > 0;
            sanitized.append(allowed ? c : '_');
        }
        return sanitized.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(value);
    }
}
