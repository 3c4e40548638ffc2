package io.podflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.e2e.job.CountingUntilCancelledProgram;
import io.podflow.e2e.job.DoubledNumbersProgram;
import io.podflow.e2e.support.ClusterObjects;
import io.podflow.e2e.support.CommandResult;
import io.podflow.e2e.support.Distribution;
import io.podflow.e2e.support.JobJar;
import io.podflow.e2e.support.JobOutput;
import io.podflow.e2e.support.NamespaceRights;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Must-show 2 of the native Kubernetes issue on localkube: {@code flink run-application -t kubernetes-application}
 * with a jar in the image's {@code usrlib/} runs the job in the cluster it deploys, and the cluster removes itself
 * when the job finished or was cancelled with {@code flink cancel -t kubernetes-application}; a jar that is not
 * {@code local://} creates nothing.
 */
@ExtendWith(LocalKubeExtension.class)
class ApplicationModeIT {

    private static final Duration APPLICATION_END = Duration.ofMinutes(5);
    private static final Pattern RUNNING_JOB = Pattern.compile(": ([0-9a-f]{32}) : counting until cancelled "
            + "\\(RUNNING\\)");

    /** Jars this test put into the distribution's usrlib/, the image's as localkube maps it. */
    private final List<Path> imageJars = new ArrayList<>();

    @AfterEach
    void removeJarsFromTheImage() throws IOException {
        for (Path jar : imageJars) {
            Files.deleteIfExists(jar);
        }
    }

    @Test
    void aBoundedApplicationRunsItsJobWithExactOutputAndItsClusterRemovesItself(LocalKube kube,
            KubernetesClient client, TestNamespace namespace) throws Exception {
        Distribution dist = Distribution.on(kube);
        NamespaceRights.grantEdit(client, namespace.name());
        String jar = jarInImage(dist, DoubledNumbersProgram.class, namespace);
        Path output = dist.workPath(namespace.name() + "-doubled");

        CommandResult deployed = runApplication(dist, "app1", namespace, "local:///opt/flink/usrlib/" + jar,
                output.toString(), "1000");

        assertEquals(0, deployed.exitCode(), deployed.output());
        ClusterObjects cluster = new ClusterObjects(client, namespace.name(), "app1");
        assertTrue(cluster.labelled().containsAll(List.of("Deployment/app1", "Service/app1", "Service/app1-rest",
                "ConfigMap/flink-config-app1", "Secret/app1-secret")), cluster.labelled().toString());
        await().atMost(APPLICATION_END).until(() -> cluster.labelled().isEmpty());
        assertEquals(LongStream.range(0, 1000).map(n -> 2 * n).boxed().toList(),
                JobOutput.lines(output).stream().map(Long::parseLong).sorted().toList());
    }

    @Test
    void cancellingTheStreamingJobOfAnApplicationRemovesItsCluster(LocalKube kube, KubernetesClient client,
            TestNamespace namespace) throws Exception {
        Distribution dist = Distribution.on(kube);
        NamespaceRights.grantEdit(client, namespace.name());
        String jar = jarInImage(dist, CountingUntilCancelledProgram.class, namespace);
        Path output = dist.workPath(namespace.name() + "-counting");
        List<String> cluster = List.of("-t", "kubernetes-application", "-Dkubernetes.cluster-id=app2",
                "-Dkubernetes.namespace=" + namespace.name());

        CommandResult deployed = runApplication(dist, "app2", namespace, "local:///opt/flink/usrlib/" + jar,
                output.toString(), "100");

        assertEquals(0, deployed.exitCode(), deployed.output());
        await().atMost(APPLICATION_END).ignoreExceptions().until(() -> JobOutput.lines(output).size() == 100);
        CommandResult listed = dist.run("flink", concat(List.of("list", "-r"), cluster));
        Matcher running = RUNNING_JOB.matcher(listed.output());
        assertTrue(running.find(), listed.output());
        ClusterObjects objects = new ClusterObjects(client, namespace.name(), "app2");
        assertTrue(objects.labelled().contains("Deployment/app2"), objects.labelled().toString());

        CommandResult cancelled = dist.run("flink", concat(concat(List.of("cancel"), cluster), List.of(running.group(1))));

        assertEquals(0, cancelled.exitCode(), cancelled.output());
        await().atMost(APPLICATION_END).until(() -> objects.labelled().isEmpty());
        assertEquals(LongStream.range(0, 100).boxed().toList(),
                JobOutput.lines(output).stream().map(Long::parseLong).toList());
    }

    @Test
    void aJarThatIsNotLocalFailsWithOneLineAndCreatesNothing(LocalKube kube, KubernetesClient client,
            TestNamespace namespace) throws Exception {
        Distribution dist = Distribution.on(kube);

        CommandResult refused = runApplication(dist, "app3", namespace, "/opt/flink/usrlib/my-job.jar");

        assertEquals(2, refused.exitCode(), refused.output());
        assertEquals("Application mode runs a jar that is already in the image, so the jar must be a local:// URI of "
                + "its path there, e.g. local:///opt/flink/usrlib/my-job.jar, not '/opt/flink/usrlib/my-job.jar'",
                refused.output().strip());
        assertEquals(List.of(), new ClusterObjects(client, namespace.name(), "app3").labelled());
        assertEquals(List.of(), client.apps().deployments().inNamespace(namespace.name()).list().getItems());
    }

    private String jarInImage(Distribution dist, Class<?> program, TestNamespace namespace) throws IOException {
        Path jar = dist.home().resolve("usrlib").resolve(namespace.name() + "-" + program.getSimpleName() + ".jar");
        imageJars.add(jar);
        JobJar.build(program, jar);
        return jar.getFileName().toString();
    }

    private static CommandResult runApplication(Distribution dist, String clusterId, TestNamespace namespace,
            String jar, String... programArguments) throws Exception {
        List<String> args = new ArrayList<>(List.of("run-application", "-t", "kubernetes-application",
                "-Dkubernetes.cluster-id=" + clusterId, "-Dkubernetes.namespace=" + namespace.name(),
                "-Dkubernetes.container.image=podflow", "-Dtaskmanager.numberOfTaskSlots=2", "-p", "2", jar));
        args.addAll(List.of(programArguments));
        return dist.run("flink", args);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
