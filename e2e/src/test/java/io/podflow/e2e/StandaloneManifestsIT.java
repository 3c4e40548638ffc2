package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.e2e.job.DoubledNumbersProgram;
import io.podflow.e2e.support.CommandResult;
import io.podflow.e2e.support.Distribution;
import io.podflow.e2e.support.JobJar;
import io.podflow.e2e.support.JobOutput;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The standalone manifests shipped in {@code docker/k8s/} (the seed's {@code flink-on-tke-eks} forms with the
 * podflow image) applied with {@code kubectl apply} on localkube: the session cluster's two TaskManagers register and
 * run a job; the job cluster runs the job in its image and its Kubernetes Job completes.
 */
@ExtendWith(LocalKubeExtension.class)
class StandaloneManifestsIT {

    private static final Path MANIFESTS = Path.of(System.getProperty("podflow.manifests", "../docker/k8s"))
            .toAbsolutePath().normalize();
    /** The REST token the shipped Secret holds until a user replaces it. */
    private static final String SHIPPED_TOKEN = "replace-with-another-long-random-value";
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final long RECORDS = 1000;
    private static final List<Long> DOUBLED = LongStream.range(0, RECORDS).map(n -> 2 * n).boxed().toList();

    private Path imageJar;

    @AfterEach
    void removeJarFromTheImage() throws IOException {
        if (imageJar != null) {
            Files.deleteIfExists(imageJar);
        }
    }

    @Test
    void theSessionManifestsStartAJobManagerAndTwoTaskManagersThatRunAJob(LocalKube kube, KubernetesClient client,
            TestNamespace namespace) throws Exception {
        Distribution dist = Distribution.on(kube);
        String ns = namespace.name();

        // localkube's image is the distribution tree, owned by whoever built it rather than by the image's user 9999
        String shipped = Files.readString(MANIFESTS.resolve("session-cluster.yaml"));
        String runAsImageUser = "        securityContext:\n          runAsUser: 9999  # user flink of the podflow image\n";
        assertEquals(2, shipped.split(runAsImageUser, -1).length - 1);
        Path manifest = Files.writeString(dist.workPath(ns + "-session-cluster.yaml"),
                shipped.replace(runAsImageUser, ""));

        CommandResult applied = kubectl(kube, dist, "apply", "-n", ns, "-f", manifest.toString());

        assertEquals(0, applied.exitCode(), applied.output());
        Pod jobManager = await().atMost(STARTUP).until(() -> runningPod(client, ns, "jobmanager"), pod -> pod != null);
        URI rest = URI.create("http://" + jobManager.getStatus().getPodIP() + ":8081");
        await().atMost(STARTUP).ignoreExceptions().until(() -> registeredTaskManagers(rest) == 2);

        Path output = dist.workPath(ns + "-doubled");
        CommandResult submitted = dist.run("flink", List.of("run", "-m", rest.getHost() + ":8081",
                "-Drest.authentication.token=" + SHIPPED_TOKEN, "-p", "2",
                JobJar.build(DoubledNumbersProgram.class, dist.workPath(ns + "-doubled.jar")).toString(),
                output.toString(), Long.toString(RECORDS)));

        assertEquals(0, submitted.exitCode(), submitted.output());
        assertTrue(submitted.output().contains("has finished"), submitted.output());
        assertEquals(DOUBLED, JobOutput.lines(output).stream().map(Long::parseLong).sorted().toList());
    }

    @Test
    void theJobClusterManifestsRunTheJobInTheImageAndTheKubernetesJobCompletes(LocalKube kube,
            KubernetesClient client, TestNamespace namespace) throws Exception {
        Distribution dist = Distribution.on(kube);
        String ns = namespace.name();
        imageJar = JobJar.build(DoubledNumbersProgram.class, dist.home().resolve("usrlib").resolve(ns + ".jar"));
        Path output = dist.workPath(ns + "-doubled");
        // the shipped manifest with this test's job: its class (other tests' jars may be in usrlib too) and arguments
        String lastArgument = "\"-Drest.bind-address=$(POD_IP)\"]";
        String shipped = Files.readString(MANIFESTS.resolve("job-cluster.yaml"));
        assertTrue(shipped.contains(lastArgument));
        Path manifest = Files.writeString(dist.workPath(ns + "-job-cluster.yaml"), shipped.replace(lastArgument,
                lastArgument.replace("]", ", \"--job-classname\", \"" + DoubledNumbersProgram.class.getName()
                        + "\", \"" + output + "\", \"" + RECORDS + "\"]")));

        CommandResult applied = kubectl(kube, dist, "apply", "-n", ns, "-f", manifest.toString());

        assertEquals(0, applied.exitCode(), applied.output());
        await().atMost(STARTUP).until(() -> succeeded(client.batch().v1().jobs().inNamespace(ns)
                .withName("flink-on-kubernetes-jobmanager").get()));
        assertEquals(DOUBLED, JobOutput.lines(output).stream().map(Long::parseLong).sorted().toList());
    }

    private static boolean succeeded(Job job) {
        return job.getStatus() != null && job.getStatus().getSucceeded() != null && job.getStatus().getSucceeded() == 1;
    }

    private static Pod runningPod(KubernetesClient client, String ns, String component) {
        return client.pods().inNamespace(ns).withLabel("app", "flink").withLabel("component", component).list()
                .getItems().stream().filter(pod -> "Running".equals(pod.getStatus().getPhase())).findFirst()
                .orElse(null);
    }

    private static int registeredTaskManagers(URI rest) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(rest.resolve(
                "/taskmanagers")).header("Authorization", "Bearer " + SHIPPED_TOKEN).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).path("taskmanagers").size();
    }

    private static CommandResult kubectl(LocalKube kube, Distribution dist, String... args) throws Exception {
        Path log = Files.createTempFile(dist.workPath(""), "kubectl", ".out");
        ProcessBuilder builder = new ProcessBuilder(concat("kubectl", args)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KUBECONFIG", kube.kubeconfig().toString());
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not end: " + Files.readString(log));
        }
        return new CommandResult(process.exitValue(), Files.readString(log));
    }

    private static List<String> concat(String first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toList();
    }
}
