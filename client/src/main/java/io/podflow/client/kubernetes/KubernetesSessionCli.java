package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.client.cli.CliArgumentException;
import io.podflow.client.cli.CliFrontend;
import io.podflow.client.cli.PythonJobs;
import io.podflow.client.kubernetes.SessionReadiness.SessionNotReadyException;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.client.KubernetesApiException;
import io.podflow.kubernetes.client.KubernetesClusterObjects;
import io.podflow.kubernetes.naming.ClusterIds;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code bin/kubernetes-session.sh [-Dkey=value ...]}: starts a session cluster on Kubernetes (detached), or with
 * {@code -Dexecution.attached=true} attaches to an existing one and takes commands from stdin. Exit codes as
 * {@link CliFrontend}: 0 done, 1 Kubernetes or the session said no, 2 the command line or an option was wrong.
 */
public final class KubernetesSessionCli {

    static final String ATTACHED_KEY = "execution.attached";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String USAGE = "usage: kubernetes-session.sh [-Dkey=value ...]  (starts a session; "
            + "-Dexecution.attached=true -Dkubernetes.cluster-id=<id> attaches to a running one)";

    private final Configuration fileConfiguration;
    private final Path confDir;
    private final Function<Configuration, KubernetesClient> clients;
    private final Duration readyTimeout;
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;

    /** {@code clients} opens the Kubernetes client once the options are checked; its caller closes it. */
    KubernetesSessionCli(Configuration fileConfiguration, Path confDir,
            Function<Configuration, KubernetesClient> clients, Duration readyTimeout, BufferedReader in,
            PrintStream out, PrintStream err) {
        this.fileConfiguration = fileConfiguration;
        this.confDir = confDir;
        this.clients = clients;
        this.readyTimeout = readyTimeout;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            Path confDir = confDir();
            // execution.attached is a client switch no module declares, so unknown-key warnings are not shown
            Configuration config = ConfigurationLoader.load(confDir, Map.of(), message -> { });
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            List<KubernetesClient> opened = new ArrayList<>();
            Function<Configuration, KubernetesClient> clients = clientConfig -> {
                KubernetesClient client = ReachableKubernetesClient.open(clientConfig);
                opened.add(client);
                return client;
            };
            exitCode = new KubernetesSessionCli(config, confDir, clients, READY_TIMEOUT, stdin, System.out,
                    System.err).run(Arrays.asList(args));
            opened.forEach(KubernetesClient::close);
        } catch (IllegalConfigurationException e) {
            System.err.println(e.getMessage());
            exitCode = CliFrontend.USAGE;
        }
        System.exit(exitCode);
    }

    /** Runs the command; returns its exit code. */
    int run(List<String> args) {
        if (args.stream().anyMatch(Set.of("help", "-h", "--help")::contains)) {
            out.println(USAGE);
            return CliFrontend.SUCCESS;
        }
        if (PythonJobs.refused(args, err)) {
            return CliFrontend.FAILURE;
        }
        Configuration config = fileConfiguration.copy();
        try {
            rejectNonProperties(args);
            ConfigurationLoader.parseDynamicProperties(args).forEach(config::setString);
            return Boolean.parseBoolean(config.getString(ATTACHED_KEY, "false")) ? attach(config) : start(config);
        } catch (CliArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return CliFrontend.USAGE;
        } catch (IllegalConfigurationException e) {
            // the message names the option and what to give instead; the usage line would not help
            err.println(e.getMessage());
            return CliFrontend.USAGE;
        } catch (KubernetesApiException | SessionNotReadyException e) {
            err.println(e.getMessage());
            return CliFrontend.FAILURE;
        } catch (IOException e) {
            err.println("Cannot read commands from stdin: " + e.getMessage());
            return CliFrontend.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted while waiting for the session.");
            return CliFrontend.FAILURE;
        }
    }

    private int start(Configuration config) throws InterruptedException {
        SessionStart start = SessionStart.prepare(config, confDir);
        try {
            start.run(clients.apply(config), readyTimeout, out);
        } catch (SessionNotReadyException e) {
            throw new SessionNotReadyException("Session '" + start.clusterId() + "' was created but is "
                    + e.getMessage() + "; see kubectl describe pods -l app=" + start.clusterId()
                    + ",component=jobmanager");
        }
        return CliFrontend.SUCCESS;
    }

    private int attach(Configuration config) throws IOException {
        String configured = config.get(KubernetesConfigOptions.CLUSTER_ID);
        if (configured == null || configured.isBlank()) {
            throw new IllegalConfigurationException("Attaching needs the session's id: -D"
                    + KubernetesConfigOptions.CLUSTER_ID.key() + "=<id>");
        }
        String clusterId = ClusterIds.validate(configured.trim());
        String namespace = config.get(KubernetesConfigOptions.NAMESPACE);
        KubernetesClient client = clients.apply(config);
        SessionObjects session = new SessionObjects(client, namespace, new KubernetesObjectNames(clusterId));
        if (session.deployment().isEmpty()) {
            err.println("There is no session '" + clusterId + "' in namespace '" + namespace + "' (no Deployment "
                    + clusterId + ").");
            return CliFrontend.FAILURE;
        }
        new SessionCommandLoop(session, new KubernetesClusterObjects(client, namespace), clusterId, out).run(in);
        return CliFrontend.SUCCESS;
    }

    /** Only {@code -Dkey=value} and {@code -D key=value} are understood; anything else is a typo worth stopping on. */
    private static void rejectNonProperties(List<String> args) throws CliArgumentException {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-D")) {
                i++;
            } else if (!args.get(i).startsWith("-D")) {
                throw new CliArgumentException("Unknown argument '" + args.get(i) + "'");
            }
        }
    }

    private static Path confDir() {
        String dir = System.getenv(ConfigurationLoader.ENV_CONF_DIR);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String home = System.getenv(ConfigurationLoader.ENV_HOME);
        return home != null && !home.isBlank() ? Path.of(home, "conf") : Path.of("conf");
    }
}
