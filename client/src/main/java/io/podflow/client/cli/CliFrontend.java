package io.podflow.client.cli;

import io.podflow.api.environment.ExecutionEnvironmentContext;
import io.podflow.client.kubernetes.ApplicationDeployment;
import io.podflow.client.kubernetes.ClusterUnavailableException;
import io.podflow.client.kubernetes.KubernetesRestConnection;
import io.podflow.client.program.ClusterPipelineExecutor;
import io.podflow.api.program.PackagedProgram;
import io.podflow.api.program.ProgramInvocationException;
import io.podflow.client.rest.ClusterConnection;
import io.podflow.client.rest.JobSummary;
import io.podflow.client.rest.RestClientException;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.client.rest.RestRequestHeaders;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.common.config.CoreOptions;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.RestOptions;
import io.podflow.kubernetes.client.KubernetesApiException;
import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcOptions;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/flink}: {@code run}, {@code list}, {@code cancel}, {@code info}. Exit codes a script can rely on:
 * 0 done, 1 the job or the cluster said no, 2 the command line was wrong.
 */
public final class CliFrontend {

    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private static final Map<String, String> ALIASES = Map.of("--detached", "-d", "--jobmanager", "-m",
            "--parallelism", "-p", "--class", "-c", "--target", "-t");
    private static final String REMOTE = "remote";
    private static final String APPLICATION_TARGET = "kubernetes-application";
    private static final Set<String> KUBERNETES_TARGETS = Set.of("kubernetes-session", APPLICATION_TARGET);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final DateTimeFormatter LIST_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Configuration baseConfiguration;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public CliFrontend(Configuration baseConfiguration, Map<String, String> environment, PrintStream out,
            PrintStream err) {
        this.baseConfiguration = baseConfiguration;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            Configuration config = ConfigurationLoader.load(confDir(), Map.of(), message -> { });
            exitCode = new CliFrontend(config, System.getenv(), System.out, System.err).run(Arrays.asList(args));
        } catch (IllegalConfigurationException e) {
            System.err.println(e.getMessage());
            exitCode = USAGE;
        }
        System.exit(exitCode);
    }

    static Path confDir() {
        String dir = System.getenv("FLINK_CONF_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String home = System.getenv("FLINK_HOME");
        return home != null && !home.isBlank() ? Path.of(home, "conf") : Path.of("conf");
    }

    /** Runs one action; returns its exit code. */
    public int run(List<String> args) {
        if (args.isEmpty() || Set.of("help", "-h", "--help").contains(args.get(0))) {
            out.println(usage());
            return args.isEmpty() ? USAGE : SUCCESS;
        }
        if (PythonJobs.refused(args, err)) {
            return FAILURE;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "run" -> runProgram(rest);
                case "run-application" -> new RunApplication(baseConfiguration,
                        new ApplicationDeployment(confDir(), out), err).run(rest);
                case "list" -> listJobs(rest);
                case "cancel" -> cancelJob(rest);
                case "info" -> showInfo(rest);
                default -> throw new CliArgumentException("Unknown action '" + args.get(0) + "'");
            };
        } catch (CliArgumentException | IllegalConfigurationException e) {
            err.println(e.getMessage());
            err.println(usage());
            return USAGE;
        } catch (RestClientException | ProgramInvocationException | ClusterUnavailableException
                | KubernetesApiException e) {
            err.println(e.getMessage());
            return FAILURE;
        }
    }

    private int runProgram(List<String> args) throws CliArgumentException, ProgramInvocationException {
        ParsedCommandLine line = ParsedCommandLine.parse(args, Set.of("-d"), Set.of("-m", "-p", "-c", "-t"),
                ALIASES);
        if (line.positional().isEmpty()) {
            throw new CliArgumentException("run needs a job jar");
        }
        if (APPLICATION_TARGET.equals(line.value("-t"))) {
            throw new CliArgumentException("run submits to a running cluster; an application cluster is deployed "
                    + "with run-application -t " + APPLICATION_TARGET);
        }
        Configuration config = configuration(line);
        int parallelism = line.has("-p") ? positiveInt(line.value("-p"), "-p")
                : config.get(CoreOptions.DEFAULT_PARALLELISM);
        PackagedProgram program = PackagedProgram.of(Path.of(line.positional().get(0)), line.value("-c"),
                line.positional().subList(1, line.positional().size()));
        try (ClusterConnection cluster = connect(line, config)) {
            ExecutionEnvironmentContext.install(new ClusterPipelineExecutor(cluster.client(), program.jar(),
                    line.has("-d"), Duration.ofMillis(500), out), parallelism);
            program.invoke();
        } finally {
            ExecutionEnvironmentContext.uninstall();
        }
        return SUCCESS;
    }

    private int listJobs(List<String> args) throws CliArgumentException {
        ParsedCommandLine line = ParsedCommandLine.parse(args, Set.of("-r", "-a"), Set.of("-m", "-t"), ALIASES);
        List<JobSummary> jobs;
        Configuration config = configuration(line);
        try (ClusterConnection cluster = connect(line, config)) {
            jobs = cluster.client().listJobs();
        }
        List<JobSummary> running = jobs.stream().filter(job -> !job.status().isGloballyTerminal()).toList();
        List<JobSummary> ended = jobs.stream().filter(job -> job.status().isGloballyTerminal()).toList();
        printJobs("Running/Restarting Jobs", running);
        if (!line.has("-r")) {
            printJobs("Terminated Jobs", ended);
        }
        return SUCCESS;
    }

    private void printJobs(String title, List<JobSummary> jobs) {
        if (jobs.isEmpty()) {
            out.println("No " + title.toLowerCase() + ".");
            return;
        }
        out.println("------------------ " + title + " -------------------");
        for (JobSummary job : jobs) {
            out.println(LIST_TIME.format(Instant.ofEpochMilli(job.startTimeMillis())) + " : " + job.jobId() + " : "
                    + job.name() + " (" + job.status() + ")");
        }
        out.println("--------------------------------------------------------------");
    }

    private int cancelJob(List<String> args) throws CliArgumentException {
        ParsedCommandLine line = ParsedCommandLine.parse(args, Set.of(), Set.of("-m", "-t"), ALIASES);
        if (line.positional().size() != 1) {
            throw new CliArgumentException("cancel needs exactly one job id");
        }
        JobID jobId;
        try {
            jobId = JobID.fromHexString(line.positional().get(0));
        } catch (IllegalArgumentException e) {
            throw new CliArgumentException("'" + line.positional().get(0) + "' is not a job id (32 hex digits)");
        }
        Configuration config = configuration(line);
        try (ClusterConnection cluster = connect(line, config)) {
            cluster.client().cancelJob(jobId);
        }
        out.println("Cancelled job " + jobId + ".");
        return SUCCESS;
    }

    private int showInfo(List<String> args) throws CliArgumentException, ProgramInvocationException {
        ParsedCommandLine line = ParsedCommandLine.parse(args, Set.of(), Set.of("-c", "-p"), ALIASES);
        if (line.positional().isEmpty()) {
            throw new CliArgumentException("info needs a job jar");
        }
        int parallelism = line.has("-p") ? positiveInt(line.value("-p"), "-p")
                : configuration(line).get(CoreOptions.DEFAULT_PARALLELISM);
        PackagedProgram program = PackagedProgram.of(Path.of(line.positional().get(0)), line.value("-c"),
                line.positional().subList(1, line.positional().size()));
        ExecutionEnvironmentContext.install(new PlanPrintingExecutor(out), parallelism);
        try {
            program.invoke();
        } finally {
            ExecutionEnvironmentContext.uninstall();
        }
        return SUCCESS;
    }

    private Configuration configuration(ParsedCommandLine line) throws CliArgumentException {
        Configuration config = baseConfiguration.copy();
        line.dynamicProperties().forEach(config::setString);
        String target = line.value("-t");
        if (target != null && !REMOTE.equals(target) && !KUBERNETES_TARGETS.contains(target)) {
            throw new CliArgumentException("Unknown target '" + target + "'; use remote, kubernetes-session or "
                    + APPLICATION_TARGET);
        }
        if (target != null && KUBERNETES_TARGETS.contains(target) && line.has("-m")) {
            throw new CliArgumentException("-m names a JobManager directly and cannot go with -t " + target);
        }
        if (line.has("-m")) {
            URI address = hostPort(line.value("-m"));
            config.set(RestOptions.ADDRESS, address.getHost());
            config.set(RestOptions.PORT, address.getPort());
        }
        return config;
    }

    /** The cluster {@code -t} names (checked in {@link #configuration}): remote at -m/rest.address, or Kubernetes. */
    private ClusterConnection connect(ParsedCommandLine line, Configuration config) {
        if (line.value("-t") != null && KUBERNETES_TARGETS.contains(line.value("-t"))) {
            return KubernetesRestConnection.open(config, environment.get(RestRequestHeaders.ENVIRONMENT_VARIABLE),
                    REQUEST_TIMEOUT);
        }
        return ClusterConnection.direct(restClient(config));
    }

    private RestClusterClient restClient(Configuration config) {
        String host = config.getOptional(RestOptions.ADDRESS)
                .or(() -> config.getOptional(RpcOptions.JOBMANAGER_ADDRESS)).orElse("localhost");
        URI base = URI.create("http://" + host + ":" + config.get(RestOptions.PORT) + "/");
        Map<String, String> headers = RestRequestHeaders.from(environment.get(RestRequestHeaders.ENVIRONMENT_VARIABLE),
                config.get(RestOptions.AUTHENTICATION_TOKEN));
        return new RestClusterClient(base, headers, REQUEST_TIMEOUT);
    }

    private static URI hostPort(String value) throws CliArgumentException {
        try {
            URI uri = URI.create("http://" + value);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliArgumentException("-m needs <host>:<port>, not '" + value + "'");
        }
    }

    static int positiveInt(String value, String option) throws CliArgumentException {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CliArgumentException(option + " needs a positive whole number, not '" + value + "'");
    }

    static String usage() {
        return String.join("\n",
                "Usage: flink <action> [options]",
                "  run [-d] [<cluster>] [-p <n>] [-c <class>] [-D<key>=<value>]... <jar> [program args]",
                "        runs the jar's main() and submits the jobs it builds; without -d, waits for their end",
                "  list [-r] [<cluster>]               lists running (and, without -r, ended) jobs",
                "  run-application -t kubernetes-application -Dkubernetes.cluster-id=<id> [-p <n>] [-D<key>=<value>]...",
                "        local:///opt/flink/usrlib/<jar> [program args]",
                "        deploys a JobManager that runs the jar's main(); the cluster goes away when the job ends",
                "  cancel [<cluster>] <jobId>          cancels a job",
                "  info [-c <class>] [-p <n>] <jar>    prints the job graph the jar builds, without running it",
                "<cluster> is -m <host:port> (target remote), or -t kubernetes-session -Dkubernetes.cluster-id=<id>",
                "  [-Dkubernetes.namespace=<ns>] found through your kubeconfig (list and cancel also take",
                "  -t kubernetes-application).",
                "Options may also come from conf/flink-conf.yaml (rest.address, rest.port, rest.authentication.token);",
                "FLINK_REST_CLIENT_HEADERS adds request headers, one 'Name: value' per line.");
    }
}
