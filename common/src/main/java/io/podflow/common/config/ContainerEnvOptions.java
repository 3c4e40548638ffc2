package io.podflow.common.config;

/** Environment variables for the JobManager and TaskManager containers, one key per variable. */
public final class ContainerEnvOptions {

    public static final OptionPrefix JOBMANAGER_ENV = OptionPrefix.of("containerized.master.env.")
            .withDescription("containerized.master.env.NAME: value sets the variable NAME in the JobManager "
                    + "container.");

    public static final OptionPrefix TASKMANAGER_ENV = OptionPrefix.of("containerized.taskmanager.env.")
            .withDescription("containerized.taskmanager.env.NAME: value sets the variable NAME in TaskManager "
                    + "containers.");

    private ContainerEnvOptions() {
    }
}
