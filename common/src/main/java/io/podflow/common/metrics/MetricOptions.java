package io.podflow.common.metrics;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;
import io.podflow.common.config.OptionPrefix;

/** Which metric reporters a JobManager or TaskManager starts, and their options. */
public final class MetricOptions {

    public static final ConfigOption<String> REPORTERS = ConfigOptions.key("metrics.reporters")
            .stringType()
            .noDefaultValue()
            .withDescription("Names of the reporters to start, separated by ','; unset, every reporter with a "
                    + "metrics.reporter.<name>.factory.class starts.");

    public static final OptionPrefix REPORTER = OptionPrefix.of("metrics.reporter.")
            .withDescription("metrics.reporter.<name>.factory.class names the factory of reporter <name>, found "
                    + "in plugins/ and lib/: io.podflow.metrics.prometheus.PrometheusReporterFactory serves GET "
                    + "/metrics once ENABLE_BUILT_IN_PLUGINS=podflow-metrics-prometheus-<version>.jar enables it "
                    + "from opt/; metrics.reporter.<name>.<option> are its options, e.g. metrics.reporter.prom.port "
                    + "(a port or a range such as 9250-9260; default 9249) or metrics.reporter.<name>.interval "
                    + "(default 10 s) of a reporter that sends metrics itself, such as "
                    + "io.podflow.common.metrics.Slf4jReporterFactory, which writes them to the log. Flink's names "
                    + "for the two, org.apache.flink.metrics.prometheus.PrometheusReporterFactory and "
                    + "org.apache.flink.metrics.slf4j.Slf4jReporterFactory, start them as well.");

    /** The option under a reporter's prefix that names its factory. */
    static final String FACTORY_CLASS = "factory.class";

    /** The option under a reporter's prefix that says how often a reporter that sends metrics itself sends them. */
    static final String INTERVAL = "interval";

    private MetricOptions() {
    }
}
