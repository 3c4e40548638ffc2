package io.podflow.common.metrics;

import io.podflow.common.config.Configuration;
import io.podflow.common.plugin.metrics.MetricReporter;
import io.podflow.common.plugin.metrics.MetricReporterFactory;
import io.podflow.common.plugin.metrics.MetricSource;
import io.podflow.common.plugin.metrics.ReporterSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reporters the configuration names, each started from the factory named by its
 * {@code metrics.reporter.<name>.factory.class}. A reporter that cannot start is logged and left out: metrics are not worth stopping a process for.
 */
public final class MetricReporters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricReporters.class);

    private final List<MetricReporter> running;

    private MetricReporters(List<MetricReporter> running) {
        this.running = running;
    }

    /** Starts the configured reporters with {@code factories}, those plugins and the classpath offer. */
    public static MetricReporters start(Configuration config, List<MetricReporterFactory> factories,
            String bindHost, MetricSource metrics) {
        List<MetricReporter> running = new ArrayList<>();
        for (String name : reporterNames(config)) {
            Map<String, String> options = config.getPrefixed(MetricOptions.REPORTER.prefix() + name + ".");
            String factoryClass = options.get(MetricOptions.FACTORY_CLASS);
            if (factoryClass == null) {
                LOG.warn("Metric reporter '{}' is not started: set {}{}.{}", name, MetricOptions.REPORTER.prefix(),
                        name, MetricOptions.FACTORY_CLASS);
                continue;
            }
            Optional<MetricReporterFactory> factory = factories.stream()
                    .filter(offered -> offered.getClass().getName().equals(factoryClass)).findFirst();
            if (factory.isEmpty()) {
                LOG.warn("Metric reporter '{}' is not started: no plugin offers {} (offered: {}); enable the plugin "
                        + "that has it, e.g. ENABLE_BUILT_IN_PLUGINS=<jar> for a jar shipped in opt/", name,
                        factoryClass, factories.isEmpty() ? "none" : factories.stream()
                                .map(offered -> offered.getClass().getName()).collect(Collectors.joining(", ")));
                continue;
            }
            startOne(factory.get(), new ReporterSetup(name, options, bindHost, metrics)).ifPresent(running::add);
        }
        return new MetricReporters(List.copyOf(running));
    }

    private static Optional<MetricReporter> startOne(MetricReporterFactory factory, ReporterSetup setup) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // a reporter's libraries may look classes up through the context loader; they must find the plugin's own
        thread.setContextClassLoader(factory.getClass().getClassLoader());
        try {
            MetricReporter reporter = factory.createMetricReporter(setup);
            LOG.info("Metric reporter '{}' started ({})", setup.name(), factory.getClass().getName());
            return Optional.of(reporter);
        } catch (RuntimeException e) {
            LOG.warn("Metric reporter '{}' cannot start: {}", setup.name(), e.getMessage());
            LOG.debug("Why metric reporter '{}' could not start", setup.name(), e);
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Set<String> reporterNames(Configuration config) {
        Optional<String> listed = config.getOptional(MetricOptions.REPORTERS);
        if (listed.isPresent()) {
            return Arrays.stream(listed.get().split(",")).map(String::strip).filter(name -> !name.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        String suffix = "." + MetricOptions.FACTORY_CLASS;
        return config.getPrefixed(MetricOptions.REPORTER).keySet().stream().filter(key -> key.endsWith(suffix))
                .map(key -> key.substring(0, key.length() - suffix.length()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public void close() {
        for (MetricReporter reporter : running) {
            try {
                reporter.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing metric reporter {} failed: {}", reporter, e.toString());
            }
        }
    }
}
