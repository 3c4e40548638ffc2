package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.spec.JobManagerSpecFactory.Mode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Deploys an application cluster ({@code flink run-application -t kubernetes-application}): the same objects as a
 * session, whose JobManager runs the program named in the configuration and removes the cluster when it ends.
 * Returns once the objects exist; the program may not have started yet.
 */
public final class ApplicationDeployment {

    private final Path confDir;
    private final Function<Configuration, KubernetesClient> clients;
    private final PrintStream out;

    /** Deploys through the user's kubeconfig (or the pod's service account). */
    public ApplicationDeployment(Path confDir, PrintStream out) {
        this(confDir, ReachableKubernetesClient::open, out);
    }

    /** {@code clients} opens a Kubernetes client once the options are checked; this class closes it. */
    public ApplicationDeployment(Path confDir, Function<Configuration, KubernetesClient> clients, PrintStream out) {
        this.confDir = confDir;
        this.clients = clients;
        this.out = out;
    }

    /**
     * Builds the cluster's objects (every option checked before any API call) and creates them.
     *
     * @throws io.podflow.common.config.IllegalConfigurationException with one line on an invalid option or name
     * @throws io.podflow.kubernetes.client.KubernetesApiException with one line when Kubernetes refused
     */
    public void deploy(Configuration config) {
        SessionStart start = SessionStart.prepare(config, confDir, Mode.APPLICATION);
        try (KubernetesClient client = clients.apply(config)) {
            start.deploy(client);
        }
        String options = "-t kubernetes-application -Dkubernetes.cluster-id=" + start.clusterId()
                + ("default".equals(start.namespace()) ? "" : " -Dkubernetes.namespace=" + start.namespace());
        out.println("Deployed application cluster '" + start.clusterId() + "' in namespace '" + start.namespace()
                + "'; it removes itself when the application ends.");
        out.println("List its jobs with: ./bin/flink list " + options);
        out.println("Cancel the application with: ./bin/flink cancel " + options + " <jobId>");
    }
}
