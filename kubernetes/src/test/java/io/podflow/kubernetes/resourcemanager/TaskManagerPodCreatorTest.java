package io.podflow.kubernetes.resourcemanager;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.naming.KubernetesLabels;
import io.podflow.kubernetes.spec.TaskManagerPodFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class TaskManagerPodCreatorTest {

    KubernetesClient client;

    @Test
    void aBurstOfPodsIsCreatedListedAndDeleted() {
        TaskManagerPodFactory factory = new TaskManagerPodFactory(Configuration.fromMap(Map.of(
                "kubernetes.cluster-id", "s1", "kubernetes.namespace", "team-a")), new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1").withKind("Deployment").withName("s1").withUid("uid-1").build());
        try (TaskManagerPodCreator creator = new TaskManagerPodCreator(client, "team-a", "default", 4)) {
            List<CompletableFuture<Pod>> creations = IntStream.rangeClosed(1, 12)
                    .mapToObj(index -> creator.create(factory.create(factory.names().taskManagerPod(1, index))))
                    .toList();
            CompletableFuture.allOf(creations.toArray(CompletableFuture[]::new)).join();

            List<Pod> listed = client.pods().inNamespace("team-a").withLabels(KubernetesLabels.selector("s1",
                    KubernetesLabels.COMPONENT_TASKMANAGER)).list().getItems();
            assertEquals(12, listed.size());
            assertTrue(listed.stream().allMatch(pod -> "Never".equals(pod.getSpec().getRestartPolicy())));
            // the container starts its one JVM with these flags, rather than a second JVM to derive them
            assertTrue(listed.stream().allMatch(pod -> pod.getSpec().getContainers().get(0).getEnv().stream()
                    .anyMatch(variable -> variable.getName().equals("PODFLOW_JVM_MEMORY_FLAGS")
                            && variable.getValue().startsWith("-Xmx"))));

            CompletableFuture.allOf(listed.stream().map(pod -> creator.delete(pod.getMetadata().getName()))
                    .toArray(CompletableFuture[]::new)).join();
            creator.delete("s1-taskmanager-1-99").join();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().inNamespace("team-a").list().getItems()
                    .isEmpty());
        }
    }

    @Test
    void aBurstIsCreatedConcurrentlyButNeverWithMoreCallsAtOnceThanTheParallelism() throws Exception {
        int parallelism = 3;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        // the first calls are answered only once as many as the parallelism are in: one at a time would never get
        // there
        CountDownLatch firstCallsIn = new CountDownLatch(parallelism);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            firstCallsIn.countDown();
            try {
                boolean together = firstCallsIn.await(60, TimeUnit.SECONDS);
                byte[] body = exchange.getRequestBody().readAllBytes();
                inFlight.decrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(together ? 201 : 500, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        TaskManagerPodFactory factory = new TaskManagerPodFactory(Configuration.fromMap(Map.of(
                "kubernetes.cluster-id", "s1", "kubernetes.namespace", "team-a")), new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1").withKind("Deployment").withName("s1").withUid("uid-1").build());
        try (KubernetesClient direct = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort()).build()).build();
                TaskManagerPodCreator creator = new TaskManagerPodCreator(direct, "team-a", "default", parallelism)) {
            List<CompletableFuture<Pod>> creations = IntStream.rangeClosed(1, 3 * parallelism)
                    .mapToObj(index -> creator.create(factory.create(factory.names().taskManagerPod(1, index))))
                    .toList();

            CompletableFuture.allOf(creations.toArray(CompletableFuture[]::new)).join();

            assertEquals(parallelism, mostInFlight.get());
        } finally {
            server.stop(0);
        }
    }
}
