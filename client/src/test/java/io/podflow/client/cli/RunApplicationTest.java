package io.podflow.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.podflow.client.kubernetes.ApplicationDeployment;
import io.podflow.common.config.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnableKubernetesMockClient(crud = true)
class RunApplicationTest {

    private static final String NAMESPACE = "team-a";

    KubernetesClient client;

    @TempDir
    Path confDir;

    private final AtomicInteger clientsOpened = new AtomicInteger();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void deploysTheClusterObjectsWithAnApplicationJobManagerThatIsToldWhatToRun() throws Exception {
        int exitCode = run("-t", "kubernetes-application", "-p", "3", "-c", "com.example.Job",
                "-Dkubernetes.cluster-id=app1", "-Dkubernetes.namespace=" + NAMESPACE,
                "local:///opt/flink/usrlib/my-job.jar", "--input", "/data/in");

        assertEquals(CliFrontend.SUCCESS, exitCode, text(err));
        Deployment deployment = client.apps().deployments().inNamespace(NAMESPACE).withName("app1").get();
        assertEquals("kubernetes-application",
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().get(0));
        List<HasMetadata> owned = new ArrayList<>();
        owned.addAll(client.configMaps().inNamespace(NAMESPACE).withLabel("app", "app1").list().getItems());
        owned.addAll(client.secrets().inNamespace(NAMESPACE).withLabel("app", "app1").list().getItems());
        owned.addAll(client.services().inNamespace(NAMESPACE).withLabel("app", "app1").list().getItems());
        assertEquals(List.of("app1", "app1-rest", "app1-secret", "flink-config-app1"),
                owned.stream().map(object -> object.getMetadata().getName()).sorted().toList());
        for (HasMetadata object : owned) {
            assertEquals(deployment.getMetadata().getUid(), object.getMetadata().getOwnerReferences().get(0).getUid());
        }
        List<String> conf = Arrays.asList(client.configMaps().inNamespace(NAMESPACE).withName("flink-config-app1")
                .get().getData().get("flink-conf.yaml").split("\n"));
        assertTrue(conf.containsAll(List.of("pipeline.jars: 'local:///opt/flink/usrlib/my-job.jar'",
                "$internal.application.main: 'com.example.Job'",
                "$internal.application.program-args: '--input;/data/in'", "parallelism.default: '3'")),
                String.join("\n", conf));
        assertTrue(text(out).contains("./bin/flink cancel -t kubernetes-application -Dkubernetes.cluster-id=app1 "
                + "-Dkubernetes.namespace=team-a <jobId>"), text(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/opt/flink/usrlib/my-job.jar", "http://example.org/my-job.jar", "my-job.jar",
            "file:///opt/flink/usrlib/my-job.jar"})
    void aJarThatIsNotLocalFailsAtOnceWithOneLineAndCreatesNothing(String jar) throws Exception {
        int exitCode = run("-t", "kubernetes-application", "-Dkubernetes.cluster-id=app1",
                "-Dkubernetes.namespace=" + NAMESPACE, jar);

        assertEquals(CliFrontend.USAGE, exitCode);
        assertEquals(List.of("Application mode runs a jar that is already in the image, so the jar must be a local:// "
                + "URI of its path there, e.g. local:///opt/flink/usrlib/my-job.jar, not '" + jar + "'"),
                text(err).lines().toList());
        assertEquals(0, clientsOpened.get());
        assertEquals(List.of(), client.apps().deployments().inNamespace(NAMESPACE).list().getItems());
    }

    @Test
    void anotherTargetIsRefusedNamingTheOneToUse() {
        CliArgumentException refused = assertThrows(CliArgumentException.class,
                () -> run("-t", "kubernetes-session", "local:///opt/flink/usrlib/my-job.jar"));

        assertEquals("run-application needs -t kubernetes-application, not -t kubernetes-session",
                refused.getMessage());
        assertEquals(0, clientsOpened.get());
    }

    @Test
    void aProgramArgumentTheConfigurationCannotCarryIsRefusedBeforeAnythingIsCreated() {
        CliArgumentException refused = assertThrows(CliArgumentException.class, () -> run("-t",
                "kubernetes-application", "local:///opt/flink/usrlib/my-job.jar", "a;b"));

        assertEquals("A program argument cannot be passed to the cluster: 'a;b' cannot be a list item because it "
                + "contains ';'", refused.getMessage());
        assertEquals(0, clientsOpened.get());
    }

    private int run(String... args) throws CliArgumentException {
        ApplicationDeployment deployment = new ApplicationDeployment(confDir, config -> {
            clientsOpened.incrementAndGet();
            return new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                    .withRequestRetryBackoffLimit(0).build()).build();
        }, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new RunApplication(new Configuration(), deployment, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(Arrays.asList(args));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
