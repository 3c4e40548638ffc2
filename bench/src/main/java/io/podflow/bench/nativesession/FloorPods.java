package io.podflow.bench.nativesession;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.podflow.bench.nativesession.PodMilestones.Milestone;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor: {@code count} pods of the distribution image created at once through the API (as a ReplicaSet's
 * controller creates its replicas), each a JVM that only binds 6122 ({@link PortHolder}), with a readiness probe
 * on that port and the TaskManager pods' CPU and memory; timed from the first create call until all are Ready.
 */
final class FloorPods {

    static final String LABEL = "podflow-bench";
    private static final String LABEL_VALUE = "floor";

    private final KubernetesClient client;
    private final String namespace;
    private final Path benchJar;
    private final Map<String, Quantity> resources;

    FloorPods(KubernetesClient client, String namespace, Path benchJar, Map<String, Quantity> resources) {
        this.client = client;
        this.namespace = namespace;
        this.benchJar = benchJar;
        this.resources = resources;
    }

    /** Starts {@code count} pods, waits until all are Ready, deletes them and returns the round's figures. */
    RoundTimes measure(String round, int count, Duration timeout) throws Exception {
        PodMilestones milestones = new PodMilestones();
        ExecutorService creators = Executors.newFixedThreadPool(count);
        try (SharedIndexInformer<Pod> informer = client.pods().inNamespace(namespace)
                .withLabel(LABEL, LABEL_VALUE).inform(milestones)) {
            Waiting.until(informer::isWatching, Duration.ofSeconds(30), "the floor's pod informer watching");
            long start = System.nanoTime();
            List<Future<Pod>> created = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                Pod pod = pod(round + "-" + i);
                created.add(creators.submit(() -> client.pods().inNamespace(namespace).resource(pod).create()));
            }
            for (Future<Pod> pod : created) {
                pod.get();
            }
            Waiting.until(() -> milestones.allReached(Milestone.READY, count).isPresent(), timeout,
                    "all " + count + " floor pods Ready");
            return new RoundTimes(start, milestones, count);
        } finally {
            creators.shutdownNow();
            client.pods().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).withGracePeriod(0).delete();
            Waiting.until(() -> client.pods().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).list().getItems()
                    .isEmpty(), Waiting.REMOTE_POLL, timeout, "the floor pods gone");
        }
    }

    private Pod pod(String suffix) {
        return new PodBuilder()
                .withNewMetadata().withName("floor-" + suffix).addToLabels(LABEL, LABEL_VALUE).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withTerminationGracePeriodSeconds(0L)
                .addNewContainer().withName("port-holder").withImage("podflow")
                .withCommand("java", "-cp", benchJar.toString(), PortHolder.class.getName())
                .addToEnv(new EnvVarBuilder().withName("POD_IP").withNewValueFrom().withNewFieldRef()
                        .withApiVersion("v1").withFieldPath("status.podIP").endFieldRef().endValueFrom().build())
                .addNewPort().withName("rpc").withContainerPort(PortHolder.PORT).endPort()
                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                // the shortest period Kubernetes allows: the probe's own delay is part of the floor
                .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString(PortHolder.PORT)).endTcpSocket()
                .withPeriodSeconds(1).endReadinessProbe()
                .endContainer().endSpec().build();
    }
}
