package io.podflow.api.program;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;

import java.util.List;

/**
 * What an application cluster runs: the job jar, its entry class and its arguments. {@code flink run-application}
 * writes them into the cluster's configuration; the application JobManager reads them and runs the program.
 */
public final class ApplicationOptions {

    public static final ConfigOption<List<String>> JARS = ConfigOptions.key("pipeline.jars")
            .listType()
            .noDefaultValue()
            .withDescription("The job jar of an application cluster, separated by ';'. Application mode takes "
                    + "exactly one, as a local:// URI of a file inside the image, e.g. "
                    + "local:///opt/flink/usrlib/my-job.jar.");

    public static final ConfigOption<String> MAIN_CLASS = ConfigOptions.key("$internal.application.main")
            .stringType()
            .noDefaultValue()
            .withDescription("The entry class of an application cluster's program (set by flink run-application "
                    + "-c); unset, the jar manifest's program-class or Main-Class.");

    public static final ConfigOption<List<String>> PROGRAM_ARGUMENTS = ConfigOptions
            .key("$internal.application.program-args")
            .listType()
            .defaultValue(List.of())
            .withDescription("The arguments an application cluster passes to its program's main(), separated by "
                    + "';' (set by flink run-application from the arguments after the jar).");

    private ApplicationOptions() {
    }
}
