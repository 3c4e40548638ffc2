package io.podflow.client.cli;

import io.podflow.api.program.ApplicationOptions;
import io.podflow.api.program.LocalJarUri;
import io.podflow.client.kubernetes.ApplicationDeployment;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.CoreOptions;
import io.podflow.common.config.IllegalConfigurationException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code flink run-application -t kubernetes-application [-p <n>] [-c <class>] [-D<key>=<value>]...
 * local:///path/in/image.jar [program args]}: deploys a cluster whose JobManager runs the jar's {@code main()}.
 * The jar is already in the image, so only a {@code local://} URI is accepted; nothing is created otherwise.
 */
final class RunApplication {

    static final String TARGET = "kubernetes-application";

    private static final Map<String, String> ALIASES = Map.of("--parallelism", "-p", "--class", "-c",
            "--target", "-t");

    private final Configuration baseConfiguration;
    private final ApplicationDeployment deployment;
    private final PrintStream err;

    RunApplication(Configuration baseConfiguration, ApplicationDeployment deployment, PrintStream err) {
        this.baseConfiguration = baseConfiguration;
        this.deployment = deployment;
        this.err = err;
    }

    /** Deploys the application cluster; returns the exit code. */
    int run(List<String> args) throws CliArgumentException {
        ParsedCommandLine line = ParsedCommandLine.parse(args, Set.of(), Set.of("-p", "-c", "-t"), ALIASES);
        if (!TARGET.equals(line.value("-t"))) {
            throw new CliArgumentException("run-application needs -t " + TARGET
                    + (line.has("-t") ? ", not -t " + line.value("-t") : ""));
        }
        if (line.positional().isEmpty()) {
            throw new CliArgumentException("run-application needs the job jar as local:///path/in/the/image.jar");
        }
        String jar = line.positional().get(0);
        try {
            LocalJarUri.toPath(jar);
        } catch (IllegalArgumentException notLocal) {
            err.println(notLocal.getMessage());
            return CliFrontend.USAGE;
        }
        deployment.deploy(applicationConfiguration(line, jar));
        return CliFrontend.SUCCESS;
    }

    /** The client's configuration plus what the application JobManager runs: the jar, its class and arguments. */
    private Configuration applicationConfiguration(ParsedCommandLine line, String jar) throws CliArgumentException {
        Configuration config = baseConfiguration.copy();
        line.dynamicProperties().forEach(config::setString);
        config.set(ApplicationOptions.JARS, List.of(jar));
        if (line.has("-c")) {
            config.set(ApplicationOptions.MAIN_CLASS, line.value("-c"));
        }
        List<String> programArguments = line.positional().subList(1, line.positional().size());
        try {
            config.set(ApplicationOptions.PROGRAM_ARGUMENTS, programArguments);
        } catch (IllegalConfigurationException e) {
            throw new CliArgumentException("A program argument cannot be passed to the cluster: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        if (line.has("-p")) {
            config.set(CoreOptions.DEFAULT_PARALLELISM, CliFrontend.positiveInt(line.value("-p"), "-p"));
        }
        return config;
    }
}
