package io.podflow.common.plugin.metrics;

import java.util.List;
import java.util.Map;

/**
 * One metric as a reporter sees it when it asks: the scope it lives in (such as {@code taskmanager, job, task}), its
 * name (such as {@code numRecordsIn}), the variables that tell its instances apart (such as {@code tm_id}) and its
 * value at that moment.
 */
public record MetricValue(List<String> scope, String name, Map<String, String> variables, MetricType type,
        double value) {

    public MetricValue {
        scope = List.copyOf(scope);
        variables = Map.copyOf(variables);
    }
}
