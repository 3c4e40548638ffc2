package io.podflow.common.metrics;

import io.podflow.common.plugin.metrics.MetricSource;
import io.podflow.common.plugin.metrics.MetricType;
import io.podflow.common.plugin.metrics.MetricValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/** The metrics of one process: groups add and remove them from any thread, reporters read them from theirs. */
public final class MetricRegistry implements MetricSource {

    private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);

    record MetricId(List<String> scope, String name, Map<String, String> variables) {
    }

    private record Reading(MetricType type, DoubleSupplier value) {
    }

    private final Map<MetricId, Reading> metrics = new ConcurrentHashMap<>();

    /** A top-level group such as {@code taskmanager}, whose metrics all carry {@code variables}. */
    public MetricGroup group(String scope, Map<String, String> variables) {
        return new MetricGroup(this, List.of(scope), variables);
    }

    void add(MetricId id, MetricType type, DoubleSupplier value) {
        if (metrics.put(id, new Reading(type, value)) != null) {
            LOG.warn("Metric {} of scope {} with {} was registered twice; reporting the later one", id.name(),
                    id.scope(), id.variables());
        }
    }

    void remove(MetricId id) {
        metrics.remove(id);
    }

    @Override
    public List<MetricValue> snapshot() {
        List<MetricValue> values = new ArrayList<>(metrics.size());
        metrics.forEach((id, reading) -> values.add(new MetricValue(id.scope(), id.name(), id.variables(),
                reading.type(), reading.value().getAsDouble())));
        values.sort(Comparator.comparing((MetricValue value) -> String.join(".", value.scope()))
                .thenComparing(MetricValue::name).thenComparing(value -> value.variables().toString()));
        return values;
    }
}
