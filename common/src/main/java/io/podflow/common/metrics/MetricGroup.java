package io.podflow.common.metrics;

import io.podflow.common.plugin.metrics.MetricType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * Metrics that share a scope and variables, such as one task attempt's; closing the group removes them from the
 * registry.
 */
public final class MetricGroup implements AutoCloseable {

    private final MetricRegistry registry;
    private final List<String> scope;
    private final Map<String, String> variables;
    private final Set<MetricRegistry.MetricId> added = ConcurrentHashMap.newKeySet();

    MetricGroup(MetricRegistry registry, List<String> scope, Map<String, String> variables) {
        this.registry = registry;
        this.scope = List.copyOf(scope);
        this.variables = Map.copyOf(variables);
    }

    /** A group one scope deeper (such as {@code job}, then {@code task}), carrying this group's variables too. */
    public MetricGroup addGroup(String childScope, Map<String, String> childVariables) {
        List<String> childScopes = new ArrayList<>(scope);
        childScopes.add(childScope);
        Map<String, String> allVariables = new LinkedHashMap<>(variables);
        allVariables.putAll(childVariables);
        return new MetricGroup(registry, childScopes, allVariables);
    }

    public Counter counter(String name) {
        Counter counter = new Counter();
        add(name, MetricType.COUNTER, counter::count);
        return counter;
    }

    /** A gauge read by calling {@code value}, which must be safe on any thread and must not block. */
    public void gauge(String name, DoubleSupplier value) {
        add(name, MetricType.GAUGE, value);
    }

    /** A gauge whose owner sets its value; see {@link PublishedGauge}. */
    public PublishedGauge publishedGauge(String name) {
        PublishedGauge gauge = new PublishedGauge();
        add(name, MetricType.GAUGE, gauge::value);
        return gauge;
    }

    private void add(String name, MetricType type, DoubleSupplier value) {
        MetricRegistry.MetricId id = new MetricRegistry.MetricId(scope, name, variables);
        registry.add(id, type, value);
        added.add(id);
    }

    @Override
    public void close() {
        added.forEach(registry::remove);
        added.clear();
    }
}
