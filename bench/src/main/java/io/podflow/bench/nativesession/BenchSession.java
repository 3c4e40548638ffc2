package io.podflow.bench.nativesession;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.podflow.bench.nativesession.PodMilestones.Milestone;
import io.podflow.client.kubernetes.KubernetesRestConnection;
import io.podflow.client.rest.ClusterConnection;
import io.podflow.client.rest.RestClientException;
import io.podflow.common.config.Configuration;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * A native Kubernetes session driven with the distribution's own commands ({@code kubernetes-session.sh},
 * {@code flink run -d -t kubernetes-session}, {@code echo stop | kubernetes-session.sh -Dexecution.attached=true}),
 * its REST API found through the Kubernetes API as {@code bin/flink} finds it, and its JobManager's log read
 * through the API for the Kubernetes requests it made.
 */
final class BenchSession implements AutoCloseable {

    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path confDir;
    private final Path kubeconfig;
    private final KubernetesClient client;
    private final String namespace;
    private final String clusterId;
    private ClusterConnection rest;

    BenchSession(Path home, Path confDir, Path kubeconfig, KubernetesClient client, String namespace,
            String clusterId) {
        this.home = home;
        this.confDir = confDir;
        this.kubeconfig = kubeconfig;
        this.client = client;
        this.namespace = namespace;
        this.clusterId = clusterId;
    }

    /** Starts the session with {@code options} added and connects to its REST endpoint. */
    void start(List<String> options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(identity());
        args.add("-Dkubernetes.container.image=podflow");
        args.addAll(options);
        String output = run("kubernetes-session.sh", "", args);
        if (!output.contains("Session '" + clusterId + "' is ready")) {
            throw new IllegalStateException("kubernetes-session.sh did not report the session ready:\n" + output);
        }
        rest = KubernetesRestConnection.open(Configuration.fromMap(Map.of("kubernetes.cluster-id", clusterId,
                "kubernetes.namespace", namespace, "kubernetes.config.file", kubeconfig.toString())), null,
                Duration.ofSeconds(30));
    }

    /**
     * One round: {@code flink run -d -p parallelism jar}, timed until all tasks are RUNNING; then the job is
     * cancelled and the round ends once its TaskManager pods are gone (released as idle).
     */
    NativeRound measure(Path jar, int parallelism, Duration timeout) throws Exception {
        PodMilestones milestones = new PodMilestones();
        try (SharedIndexInformer<Pod> informer = client.pods().inNamespace(namespace).withLabel("app", clusterId)
                .withLabel("component", "taskmanager").inform(milestones)) {
            Waiting.until(informer::isWatching, Duration.ofSeconds(30), "the TaskManager pod informer watching");
            long requestsBefore = requestLog().last();
            long start = System.nanoTime();
            Instant startedAt = Instant.now();
            List<String> args = new ArrayList<>(List.of("run", "-d", "-t", "kubernetes-session"));
            args.addAll(identity());
            args.addAll(List.of("-p", Integer.toString(parallelism), jar.toString()));
            String output = run("flink", "", args);
            double submitted = (System.nanoTime() - start) / 1e6;
            Matcher id = SUBMITTED.matcher(output);
            if (!id.find()) {
                throw new IllegalStateException("flink run printed no job id:\n" + output);
            }
            JobID job = JobID.fromHexString(id.group(1));
            Waiting.until(() -> allTasksRunning(job), Waiting.REMOTE_POLL, timeout,
                    "all tasks of job " + job + " RUNNING");
            long end = System.nanoTime();
            long requestsAtRunning = requestLog().last();
            TaskManagerLogs taskManagerSteps = TaskManagerLogs.of(startedAt, taskManagerLogs());
            rest.client().cancelJob(job);
            Waiting.until(() -> rest.client().jobStatus(job) == JobStatus.CANCELED, Waiting.REMOTE_POLL, timeout,
                    "job " + job + " CANCELED");
            Waiting.until(() -> client.pods().inNamespace(namespace).withLabel("app", clusterId)
                    .withLabel("component", "taskmanager").list().getItems().isEmpty(), Waiting.REMOTE_POLL,
                    timeout, "the TaskManager pods released");
            ApiRequestLog requests = requestLog();
            long requestsAfter = requests.last();
            RoundTimes times = new RoundTimes(RoundTimes.since(start, milestones, Milestone.SEEN, parallelism),
                    RoundTimes.since(start, milestones, Milestone.RUNNING, parallelism), (end - start) / 1e6);
            double[] podCreations = requests.podCreations(requestsBefore, requestsAtRunning)
                    .map(firstAndLast -> new double[] {millisAfter(startedAt, firstAndLast[0]),
                        millisAfter(startedAt, firstAndLast[1])})
                    .orElse(new double[] {Double.NaN, Double.NaN});
            return new NativeRound(times, submitted, podCreations[0], podCreations[1], taskManagerSteps,
                    requestsAtRunning - requestsBefore, requestsAfter - requestsBefore,
                    requests.between(requestsBefore, requestsAfter));
        }
    }

    private static double millisAfter(Instant start, Instant then) {
        return Duration.between(start, then).toNanos() / 1e6;
    }

    private boolean allTasksRunning(JobID job) {
        JsonNode details;
        try {
            details = rest.client().get("/jobs/" + job);
        } catch (RestClientException e) {
            // one forwarded connection reset under load ends this poll, not the run: the next one opens another
            return false;
        }
        int tasks = StreamSupport.stream(details.path("vertices").spliterator(), false)
                .mapToInt(vertex -> vertex.path("parallelism").asInt()).sum();
        return tasks > 0 && details.path("status-counts").path("RUNNING").asInt() == tasks;
    }

    /** The logs of the session's TaskManager pods, as the API serves them. */
    private List<String> taskManagerLogs() {
        return client.pods().inNamespace(namespace).withLabel("app", clusterId).withLabel("component", "taskmanager")
                .list().getItems().stream()
                .map(pod -> client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).getLog())
                .toList();
    }

    /** The JobManager's Kubernetes requests logged so far. */
    ApiRequestLog requestLog() {
        return new ApiRequestLog(jobManagerLog());
    }

    /** The JobManager's log so far, as the API serves it. */
    String jobManagerLog() {
        List<Pod> jobManagers = client.pods().inNamespace(namespace).withLabel("app", clusterId)
                .withLabel("component", "jobmanager").list().getItems();
        if (jobManagers.size() != 1) {
            throw new IllegalStateException("expected one JobManager pod of " + clusterId + ", found "
                    + jobManagers.size());
        }
        return client.pods().inNamespace(namespace).withName(jobManagers.get(0).getMetadata().getName()).getLog();
    }

    /** Stops the session as a user does; what is left is removed with the namespace. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (rest != null) {
            rest.close();
        }
        List<String> args = new ArrayList<>(identity());
        args.add("-Dexecution.attached=true");
        run("kubernetes-session.sh", "stop\n", args);
    }

    private List<String> identity() {
        return List.of("-Dkubernetes.cluster-id=" + clusterId, "-Dkubernetes.namespace=" + namespace);
    }

    private String run(String script, String stdin, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve(script).toString()));
        command.addAll(args);
        Path log = Files.createTempFile("podflow-bench-" + script, ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KUBECONFIG", kubeconfig.toString());
            builder.environment().put("FLINK_CONF_DIR", confDir.toString());
            Process process = builder.start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not end within " + COMMAND_TIMEOUT.toMinutes()
                        + " minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + String.join(" ", args) + " exited with "
                        + process.exitValue() + ":\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
