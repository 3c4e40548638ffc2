package io.podflow.e2e.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.client.kubernetes.KubernetesRestConnection;
import io.podflow.client.rest.ClusterConnection;
import io.podflow.common.config.Configuration;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.protocol.job.JobID;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A native Kubernetes session as a user drives it: {@code kubernetes-session.sh} to start it, {@code flink run -d
 * -t kubernetes-session} to submit, {@code echo stop | kubernetes-session.sh -Dexecution.attached=true} to end it;
 * and its REST API reached the way {@code bin/flink} reaches it (found through the Kubernetes API, with the
 * cluster's token), for what the commands do not print, such as {@code /jobs/{id}/exceptions}.
 */
public final class NativeSession {

    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Duration REST_TIMEOUT = Duration.ofSeconds(30);

    private final Distribution dist;
    private final LocalKube kube;
    private final String namespace;
    private final String clusterId;

    public NativeSession(Distribution dist, LocalKube kube, String namespace, String clusterId) {
        this.dist = dist;
        this.kube = kube;
        this.namespace = namespace;
        this.clusterId = clusterId;
    }

    /** {@code -D} options naming the session, for every command about it. */
    public List<String> options() {
        return List.of("-Dkubernetes.cluster-id=" + clusterId, "-Dkubernetes.namespace=" + namespace);
    }

    public ClusterObjects objects() {
        return new ClusterObjects(kube.client(), namespace, clusterId);
    }

    /** Starts the session with the podflow image and {@code extraOptions}; fails unless it reports it is ready. */
    public void start(String... extraOptions) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(options());
        args.add("-Dkubernetes.container.image=podflow");
        args.addAll(List.of(extraOptions));
        CommandResult started = dist.run("kubernetes-session.sh", args);
        assertEquals(0, started.exitCode(), started.output());
        assertTrue(started.output().contains("Session '" + clusterId + "' is ready"), started.output());
    }

    /** {@code flink run -d -t kubernetes-session [-p parallelism] jar args...}; returns the job's id. */
    public JobID submitDetached(int parallelism, Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("run", "-d", "-t", "kubernetes-session"));
        command.addAll(options());
        command.addAll(List.of("-p", Integer.toString(parallelism), jar.toString()));
        command.addAll(List.of(args));
        CommandResult submitted = dist.run("flink", command);
        assertEquals(0, submitted.exitCode(), submitted.output());
        Matcher id = SUBMITTED.matcher(submitted.output());
        assertTrue(id.find(), submitted.output());
        return JobID.fromHexString(id.group(1));
    }

    /**
     * Connects to the session's REST endpoint; the connection keeps working while the API server is away, since
     * it was found before. Close it when done.
     */
    public ClusterConnection rest() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.cluster-id", clusterId,
                "kubernetes.namespace", namespace, "kubernetes.config.file", kube.kubeconfig().toString()));
        return KubernetesRestConnection.open(config, null, REST_TIMEOUT);
    }

    /** {@code echo stop | kubernetes-session.sh -Dexecution.attached=true}. */
    public CommandResult stop() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(options());
        args.add("-Dexecution.attached=true");
        return dist.run("kubernetes-session.sh", "stop\n", args);
    }
}
