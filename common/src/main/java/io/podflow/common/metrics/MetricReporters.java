package io.podflow.common.metrics;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.OptionType;
import io.podflow.common.plugin.metrics.MetricReporter;
import io.podflow.common.plugin.metrics.MetricReporterFactory;
import io.podflow.common.plugin.metrics.MetricSource;
import io.podflow.common.plugin.metrics.ReporterSetup;
import io.podflow.common.plugin.metrics.ScheduledMetricReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The reporters the configuration names, each started from the factory named by its
 * {@code metrics.reporter.<name>.factory.class}; those that send metrics themselves are called every interval on one
 * reporting thread of their own. A reporter that cannot start is logged and left out: metrics are not worth stopping
 * a process for.
 */
public final class MetricReporters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricReporters.class);

    /** Flink's default for {@code metrics.reporter.<name>.interval}. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final List<MetricReporter> running;
    private final ScheduledExecutorService reportingThread;

    private MetricReporters(List<MetricReporter> running, ScheduledExecutorService reportingThread) {
        this.running = running;
        this.reportingThread = reportingThread;
    }

    /** Starts the configured reporters with {@code factories}, those plugins and the classpath offer. */
    public static MetricReporters start(Configuration config, List<MetricReporterFactory> factories,
            String bindHost, MetricSource metrics) {
        List<MetricReporter> running = new ArrayList<>();
        ScheduledExecutorService reportingThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metric-reporters");
            thread.setDaemon(true);
            return thread;
        });
        for (String name : reporterNames(config)) {
            Map<String, String> options = config.getPrefixed(MetricOptions.REPORTER.prefix() + name + ".");
            Optional<MetricReporterFactory> factory = factoryOf(name, options, factories);
            Optional<MetricReporter> started = factory.flatMap(found -> startOne(found,
                    new ReporterSetup(name, options, bindHost, metrics)));
            started.ifPresent(running::add);
            if (started.orElse(null) instanceof ScheduledMetricReporter scheduled) {
                schedule(name, scheduled, interval(name, options), reportingThread);
            }
        }
        return new MetricReporters(List.copyOf(running), reportingThread);
    }

    private static Optional<MetricReporterFactory> factoryOf(String name, Map<String, String> options,
            List<MetricReporterFactory> factories) {
        String factoryClass = options.get(MetricOptions.FACTORY_CLASS);
        if (factoryClass == null) {
            LOG.warn("Metric reporter '{}' is not started: set {}{}.{}", name, MetricOptions.REPORTER.prefix(), name,
                    MetricOptions.FACTORY_CLASS);
            return Optional.empty();
        }
        Optional<MetricReporterFactory> factory = factories.stream()
                .filter(offered -> offered.getClass().getName().equals(factoryClass)
                        || offered.aliases().contains(factoryClass)).findFirst();
        factory.filter(found -> !found.getClass().getName().equals(factoryClass)).ifPresent(found -> LOG.info(
                "Metric reporter '{}': {} stands in for {}", name, found.getClass().getName(), factoryClass));
        if (factory.isEmpty()) {
            LOG.warn("Metric reporter '{}' is not started: no plugin offers {} (offered: {}); enable the plugin "
                    + "that has it, e.g. ENABLE_BUILT_IN_PLUGINS=<jar> for a jar shipped in opt/", name,
                    factoryClass, factories.isEmpty() ? "none" : factories.stream()
                            .map(offered -> offered.getClass().getName()).collect(Collectors.joining(", ")));
        }
        return factory;
    }

    private static Duration interval(String name, Map<String, String> options) {
        String configured = options.get(MetricOptions.INTERVAL);
        if (configured == null) {
            return DEFAULT_INTERVAL;
        }
        try {
            Duration interval = OptionType.DURATION.parse(configured);
            if (!interval.isZero() && !interval.isNegative()) {
                return interval;
            }
        } catch (RuntimeException notADuration) {
            // said below
        }
        LOG.warn("{}{}.{}: '{}' is not a positive duration such as 10 s; reporting every {} s",
                MetricOptions.REPORTER.prefix(), name, MetricOptions.INTERVAL, configured,
                DEFAULT_INTERVAL.toSeconds());
        return DEFAULT_INTERVAL;
    }

    private static void schedule(String name, ScheduledMetricReporter reporter, Duration interval,
            ScheduledExecutorService reportingThread) {
        reportingThread.scheduleWithFixedDelay(() -> {
            try {
                reporter.report();
            } catch (RuntimeException e) {
                // one failed report must not end the schedule
                LOG.warn("Metric reporter '{}' failed to report: {}", name, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
        reportingThread.shutdownNow();
        for (MetricReporter reporter : running) {
            try {
                reporter.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing metric reporter {} failed: {}", reporter, e.toString());
            }
        }
    }
}
