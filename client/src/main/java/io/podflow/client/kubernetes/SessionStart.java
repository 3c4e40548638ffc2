package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.client.KubernetesClusterObjects;
import io.podflow.kubernetes.client.RestServiceAccess;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.spec.FlinkConfigMap;
import io.podflow.kubernetes.spec.JobManagerSpec;
import io.podflow.kubernetes.spec.JobManagerSpecFactory;
import io.podflow.kubernetes.spec.JobManagerSpecFactory.Mode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Creates a new session cluster: its objects are built (and every option checked) before any API call, then
 * deployed, then awaited until the session can take jobs.
 */
final class SessionStart {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final JobManagerSpec spec;
    private final String namespace;
    private final String restToken;

    private SessionStart(JobManagerSpec spec, String namespace, String restToken) {
        this.spec = spec;
        this.namespace = namespace;
        this.restToken = restToken;
    }

    /**
     * Builds the session's objects with a fresh cluster secret and REST token.
     *
     * @throws io.podflow.common.config.IllegalConfigurationException with one line on any invalid option or name
     */
    static SessionStart prepare(Configuration config, Path confDir) {
        return prepare(config, confDir, Mode.SESSION);
    }

    /** Builds the objects of a cluster whose JobManager runs {@code mode}, like {@link #prepare(Configuration, Path)}. */
    static SessionStart prepare(Configuration config, Path confDir, Mode mode) {
        String restToken = randomSecret();
        JobManagerSpec spec = JobManagerSpecFactory.create(config, mode, randomSecret(), restToken,
                FlinkConfigMap.loggingFilesIn(confDir));
        return new SessionStart(spec, config.get(KubernetesConfigOptions.NAMESPACE), restToken);
    }

    String clusterId() {
        return spec.deployment().getMetadata().getName();
    }

    String namespace() {
        return namespace;
    }

    /** Creates the cluster's objects; a failure half-way removes what was created. */
    void deploy(KubernetesClient client) {
        new KubernetesClusterObjects(client, namespace).deploy(spec);
    }

    /**
     * Deploys (a failure half-way removes what was created), waits until ready, and prints how to reach it.
     *
     * @throws SessionReadiness.SessionNotReadyException when deployed but not ready within {@code readyTimeout}
     */
    void run(KubernetesClient client, Duration readyTimeout, PrintStream out) throws InterruptedException {
        deploy(client);
        out.println("Created session '" + clusterId() + "' in namespace '" + namespace + "'; waiting for its "
                + "JobManager.");
        SessionObjects session = new SessionObjects(client, namespace, new KubernetesObjectNames(clusterId()));
        RestServiceAccess access = new SessionReadiness(new RestEndpointFinder(session), restToken, readyTimeout,
                POLL_INTERVAL).await();
        out.println("Session '" + clusterId() + "' is ready. " + access.instructions());
        String options = "-Dkubernetes.cluster-id=" + clusterId()
                + ("default".equals(namespace) ? "" : " -Dkubernetes.namespace=" + namespace);
        out.println("Submit jobs with: ./bin/flink run -t kubernetes-session " + options + " <jar>");
        out.println("Stop it with: echo 'stop' | ./bin/kubernetes-session.sh " + options
                + " -Dexecution.attached=true");
    }

    private static String randomSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
