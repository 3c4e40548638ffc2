package io.podflow.common.metrics;

import io.podflow.common.config.Configuration;
import io.podflow.common.plugin.PluginDirectory;
import io.podflow.common.plugin.metrics.MetricReporterFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The metrics of a JobManager or TaskManager process: the registry its parts publish into, with the JVM's heap in
 * its top-level group, and the reporters the configuration asks for, found in the plugins directory
 * ({@code FLINK_PLUGINS_DIR}, else {@code $FLINK_HOME/plugins}) and on the classpath.
 */
public final class ProcessMetrics implements AutoCloseable {

    private final MetricGroup process;
    private final MetricReporters reporters;

    private ProcessMetrics(MetricGroup process, MetricReporters reporters) {
        this.process = process;
        this.reporters = reporters;
    }

    /**
     * @param scope {@code jobmanager} or {@code taskmanager}
     * @param variables what tells this process apart from its peers, such as {@code host} and {@code tm_id}
     * @param bindHost the address the process's servers bind to, where reporters serving metrics listen too
     */
    public static ProcessMetrics start(Configuration config, Map<String, String> env, String scope,
            Map<String, String> variables, String bindHost) {
        MetricRegistry registry = new MetricRegistry();
        MetricGroup process = registry.group(scope, variables);
        JvmMetrics.register(process);
        List<MetricReporterFactory> factories = new ArrayList<>(
                PluginDirectory.open(PluginDirectory.locate(env)).load(MetricReporterFactory.class));
        ServiceLoader.load(MetricReporterFactory.class, ProcessMetrics.class.getClassLoader())
                .forEach(factories::add);
        return new ProcessMetrics(process, MetricReporters.start(config, factories, bindHost, registry));
    }

    /** The process's top-level group, where its parts add their metrics. */
    public MetricGroup group() {
        return process;
    }

    @Override
    public void close() {
        reporters.close();
        process.close();
    }
}
