package io.podflow.common.config;

/** Options every podflow process reads: default parallelism, JVM options and temporary directories. */
public final class CoreOptions {

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOptions.key("parallelism.default")
            .intType()
            .defaultValue(1)
            .withValidator(OptionRule.atLeast(1))
            .withDescription("Parallelism of operators and jobs that do not set their own.");

    public static final ConfigOption<String> JVM_OPTIONS = ConfigOptions.key("env.java.opts")
            .stringType()
            .defaultValue("")
            .withDescription("JVM options for every podflow process (JobManager and TaskManagers), given after the "
                    + "memory flags derived from the memory options; an -Xmx or -Xms here replaces the derived heap.");

    public static final ConfigOption<String> JOBMANAGER_JVM_OPTIONS = ConfigOptions.key("env.java.opts.jobmanager")
            .stringType()
            .defaultValue("")
            .withDescription("JVM options for the JobManager, added after env.java.opts.");

    public static final ConfigOption<String> TASKMANAGER_JVM_OPTIONS = ConfigOptions.key("env.java.opts.taskmanager")
            .stringType()
            .defaultValue("")
            .withDescription("JVM options for TaskManagers, added after env.java.opts.");

    public static final ConfigOption<String> TMP_DIRS = ConfigOptions.key("io.tmp.dirs")
            .stringType()
            .noDefaultValue()
            .withDescription("Directories for temporary files, separated by ',' or the system path separator; "
                    + "a TaskManager caches the jars it fetches under the first. Unset, java.io.tmpdir.");

    private CoreOptions() {
    }
}
