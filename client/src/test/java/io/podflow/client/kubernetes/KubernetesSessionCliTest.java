package io.podflow.client.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.podflow.client.FakeRestServer;
import io.podflow.client.FakeRestServer.Answer;
import io.podflow.client.cli.CliFrontend;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.naming.KubernetesLabels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnableKubernetesMockClient(crud = true)
class KubernetesSessionCliTest {

    private static final String NAMESPACE = "team-a";
    private static final String IN_NAMESPACE = "-Dkubernetes.namespace=" + NAMESPACE;

    KubernetesMockServer server;
    KubernetesClient client;
    /** The CLI's client; without retries, so an expected failure answer is not simply retried. */
    private KubernetesClient cliClient;

    @TempDir
    Path confDir;

    /** The REST endpoint of the sessions' JobManager pod (at 127.0.0.1); the sessions use its port as rest.port. */
    private final FakeRestServer jobManager = new FakeRestServer();
    private final String restPort = "-Drest.port=" + jobManager.uri().getPort();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void startCreatesTheSessionObjectsOwnedByItsDeployment() {
        jobManagerPodIsReady("s1");

        assertEquals(CliFrontend.SUCCESS, run("", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE, restPort), errors());

        Deployment deployment = client.apps().deployments().inNamespace(NAMESPACE).withName("s1").get();
        List<HasMetadata> owned = new ArrayList<>();
        owned.addAll(client.configMaps().inNamespace(NAMESPACE).withLabel("app", "s1").list().getItems());
        owned.addAll(client.secrets().inNamespace(NAMESPACE).withLabel("app", "s1").list().getItems());
        owned.addAll(client.services().inNamespace(NAMESPACE).withLabel("app", "s1").list().getItems());
        assertEquals(List.of("flink-config-s1", "s1", "s1-rest", "s1-secret"),
                owned.stream().map(object -> object.getMetadata().getName()).sorted().toList());
        for (HasMetadata object : owned) {
            assertEquals(deployment.getMetadata().getUid(),
                    object.getMetadata().getOwnerReferences().get(0).getUid(), object.getMetadata().getName());
        }
        assertEquals(1, client.apps().deployments().inNamespace(NAMESPACE).list().getItems().size());
        Secret secret = client.secrets().inNamespace(NAMESPACE).withName("s1-secret").get();
        assertFalse(secret.getData().get("cluster.secret").isBlank());
        assertFalse(secret.getData().get("rest.authentication.token").isBlank());
        assertTrue(output().contains("kubectl port-forward service/s1-rest " + jobManager.uri().getPort()
                + " -n team-a"), output());
        String token = new String(Base64.getDecoder().decode(secret.getData()
                .get("rest.authentication.token")), StandardCharsets.UTF_8);
        assertEquals(List.of("Bearer " + token), jobManager.requests().get(0).headers().get("Authorization"));
        assertTrue(output().contains("echo 'stop' | ./bin/kubernetes-session.sh -Dkubernetes.cluster-id=s1 "
                + "-Dkubernetes.namespace=team-a -Dexecution.attached=true"), output());
    }

    @Test
    void withoutAnIdTheSessionGetsAGeneratedOneAndANotReadyJobManagerIsReported() {
        int exitCode = run("", IN_NAMESPACE);

        assertEquals(CliFrontend.FAILURE, exitCode);
        List<Deployment> deployments = client.apps().deployments().inNamespace(NAMESPACE).list().getItems();
        assertEquals(1, deployments.size());
        String clusterId = deployments.get(0).getMetadata().getName();
        assertTrue(clusterId.matches("podflow-[0-9a-f]{16}"), clusterId);
        assertTrue(errors().startsWith("Session '" + clusterId + "' was created but is not ready after 0 s: "
                + "Cluster '" + clusterId + "' in namespace 'team-a' has no ready JobManager pod yet"), errors());
    }

    @Test
    void aReadyJobManagerPodWhoseRestServerDoesNotAnswerYetIsNotAReadySession() {
        jobManagerPodIsReady("s1");
        jobManager.on("GET", "/overview", request -> new Answer(503, "{\"errors\":[\"starting\"]}"));

        assertEquals(CliFrontend.FAILURE, run("", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE, restPort));

        assertTrue(errors().startsWith("Session 's1' was created but is not ready after 0 s: "), errors());
        assertTrue(errors().contains("503"), errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Dkubernetes.cluster-id=Bad_Id", "-Dkubernetes.secrets=foo_secret:/opt/foo",
        "-Dkubernetes.rest-service.exposed.type=ExternalName", "--bogus"})
    void invalidInputCreatesNothing(String argument) {
        assertEquals(CliFrontend.USAGE, run("", argument, IN_NAMESPACE));

        assertTrue(errors().lines().findFirst().orElseThrow().length() > 10, errors());
        assertNothingInNamespace();
    }

    @Test
    void anInvalidOptionValueIsOneLineSayingWhatToGiveInstead() {
        assertEquals(CliFrontend.USAGE, run("", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE,
                "-Dkubernetes.env.secretKeyRef=env:FOO_ENV,secret:foo_secret,key:foo_key"));

        assertEquals("kubernetes.env.secretKeyRef: secret name 'foo_secret' is not a DNS-1123 subdomain: use "
                + "lower-case letters, digits, '-' and '.', starting and ending with a letter or digit "
                + "(e.g. 'foo-secret')\n", errors());
        assertNothingInNamespace();
    }

    @Test
    void anArgumentThatIsNotAnOptionIsFollowedByTheUsage() {
        assertEquals(CliFrontend.USAGE, run("", "--bogus", IN_NAMESPACE));

        assertEquals(List.of("Unknown argument '--bogus'", "usage: kubernetes-session.sh"), errors().lines()
                .map(line -> line.replaceAll(" \\[-D.*", "")).toList());
    }

    @Test
    void aFailureHalfWayLeavesNothingBehind() {
        server.expect().post().withPath("/api/v1/namespaces/" + NAMESPACE + "/services")
                .andReturn(500, new StatusBuilder().withCode(500).withMessage("etcd is down").build()).once();

        assertEquals(CliFrontend.FAILURE, run("", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE));

        assertTrue(errors().contains("(500): etcd is down"), errors());
        assertNothingInNamespace();
    }

    @Test
    void stopOnStdinRemovesTheSession() {
        jobManagerPodIsReady("s1");
        assertEquals(CliFrontend.SUCCESS, run("", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE, restPort), errors());

        assertEquals(CliFrontend.SUCCESS,
                run("stop\n", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE, "-Dexecution.attached=true"), errors());

        assertTrue(output().contains("Stopped session 's1'"), output());
        assertNothingInNamespace();
        assertTrue(client.pods().inNamespace(NAMESPACE).list().getItems().isEmpty());
    }

    @Test
    void helpListsTheCommandsAndEndOfInputDetaches() {
        jobManagerPodIsReady("s1");
        assertEquals(CliFrontend.SUCCESS, run("", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE, restPort), errors());
        out.reset();

        assertEquals(CliFrontend.SUCCESS,
                run("help\n", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE, "-Dexecution.attached=true"), errors());

        long commandLists = output().lines().filter(line -> line.startsWith("Commands: stop")).count();
        assertEquals(2, commandLists, output());
        assertTrue(output().contains("Detached from session 's1'; it keeps running."), output());
        assertEquals(1, client.apps().deployments().inNamespace(NAMESPACE).list().getItems().size());
    }

    @Test
    void attachingToAMissingSessionCreatesNothing() {
        assertEquals(CliFrontend.FAILURE,
                run("stop\n", "-Dkubernetes.cluster-id=s9", IN_NAMESPACE, "-Dexecution.attached=true"));

        assertEquals("There is no session 's9' in namespace 'team-a' (no Deployment s9).", errors().strip());
        assertNothingInNamespace();
    }

    @Test
    void aForbiddenCallEndsInOneLineNamingIt() {
        server.expect().get().withPath("/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments/s1")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("deployments.apps \"s1\" is forbidden")
                        .build()).once();

        assertEquals(CliFrontend.FAILURE,
                run("stop\n", "-Dkubernetes.cluster-id=s1", IN_NAMESPACE, "-Dexecution.attached=true"));

        assertEquals(1, errors().lines().count(), errors());
        assertTrue(errors().startsWith("Kubernetes does not allow your kubeconfig's user to get deployments in "
                + "namespace 'team-a' (403 Forbidden)"), errors());
    }

    KubernetesSessionCliTest() throws IOException {
    }

    @Test
    void aPyFlinkImageIsRefusedWithOneLineBeforeAnythingIsCreated() {
        int exit = run("", "-Dkubernetes.cluster-id=py", IN_NAMESPACE, "-Dtaskmanager.numberOfTaskSlots=4",
                "-Dkubernetes.container.image=pyflink:latest");

        assertEquals(CliFrontend.FAILURE, exit);
        assertEquals("Python jobs are not supported yet (kubernetes.container.image=pyflink:latest): use a podflow "
                + "image and a Java job jar.\n", errors());
        assertTrue(client.apps().deployments().inNamespace(NAMESPACE).list().getItems().isEmpty());
        assertTrue(client.configMaps().inNamespace(NAMESPACE).list().getItems().isEmpty());
    }

    @BeforeEach
    void openCliClient() {
        jobManager.on("GET", "/overview", request -> new Answer(200, "{\"taskmanagers\":0}"));
        cliClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0).build()).build();
    }

    @AfterEach
    void closeCliClient() {
        cliClient.close();
        jobManager.close();
    }

    private int run(String stdin, String... args) {
        err.reset();
        KubernetesSessionCli cli = new KubernetesSessionCli(new Configuration(), confDir,
                config -> cliClient, Duration.ZERO, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(Arrays.asList(args));
    }

    private void jobManagerPodIsReady(String clusterId) {
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(clusterId + "-jm")
                .withLabels(KubernetesLabels.selector(clusterId, KubernetesLabels.COMPONENT_JOBMANAGER)).endMetadata()
                .withNewStatus().withPhase("Running").withPodIP("127.0.0.1").addNewCondition().withType("Ready")
                .withStatus("True").endCondition().endStatus().build()).create();
    }

    private void assertNothingInNamespace() {
        assertTrue(client.apps().deployments().inNamespace(NAMESPACE).list().getItems().isEmpty(), "deployments");
        assertTrue(client.configMaps().inNamespace(NAMESPACE).list().getItems().isEmpty(), "configmaps");
        assertTrue(client.secrets().inNamespace(NAMESPACE).list().getItems().isEmpty(), "secrets");
        assertTrue(client.services().inNamespace(NAMESPACE).list().getItems().isEmpty(), "services");
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
