package io.podflow.localkube.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.podflow.localkube.kubelet.api.ContainerInits;
import io.podflow.localkube.kubelet.api.KubeletApiServer;
import io.podflow.localkube.kubelet.api.KubeletTls;
import io.podflow.localkube.kubelet.api.PodAccess;
import io.podflow.localkube.kubelet.api.PodFiles;
import io.podflow.localkube.kubelet.container.ContainerLauncher;
import io.podflow.localkube.kubelet.container.ProcessRecords;
import io.podflow.localkube.kubelet.dns.ServiceAddressResolver;
import io.podflow.localkube.kubelet.env.EnvResolver;
import io.podflow.localkube.kubelet.exposure.IngressPublisher;
import io.podflow.localkube.kubelet.exposure.ServiceExposure;
import io.podflow.localkube.kubelet.image.ImageMapping;
import io.podflow.localkube.kubelet.node.NodeHeartbeat;
import io.podflow.localkube.kubelet.node.NodeIdentity;
import io.podflow.localkube.kubelet.node.NodeRegistrar;
import io.podflow.localkube.kubelet.node.NodeStatusFactory;
import io.podflow.localkube.kubelet.pod.ApiPods;
import io.podflow.localkube.kubelet.pod.KubeletEvent;
import io.podflow.localkube.kubelet.pod.PodStarterParts;
import io.podflow.localkube.kubelet.pod.PodWorker;
import io.podflow.localkube.kubelet.pod.RestartDecision;
import io.podflow.localkube.kubelet.probe.ProbeRunner;
import io.podflow.localkube.kubelet.volume.VolumeMaterializer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kubelet that runs pods as local processes: registers the nodes, keeps them alive, and feeds
 * pod and service changes to the {@link PodWorker}.
 */
public final class ProcessKubelet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessKubelet.class);
    private static final long INFORMER_RESYNC_MILLIS = 30_000;

    private final KubernetesClient client;
    private final KubeletOptions options;
    private final List<NodeIdentity> nodes;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("kubelet-timer"));
    private final ScheduledExecutorService probeThreads = Executors.newScheduledThreadPool(2, daemon("kubelet-probe"));
    /** Serves the kubelet API and the Service listeners. */
    private final EventLoopGroup network = new MultiThreadIoEventLoopGroup(2,
            new DefaultThreadFactory("kubelet-net", true), NioIoHandler.newFactory());
    private final ScheduledExecutorService logIo = Executors.newScheduledThreadPool(2, daemon("kubelet-logs"));
    private final ExecutorService execIo = Executors.newCachedThreadPool(daemon("kubelet-exec"));
    private final ExecutorService exposureThread = Executors.newSingleThreadExecutor(daemon("kubelet-exposure"));
    private KubeletApiServer api;
    private ServiceExposure exposure;
    private SharedIndexInformer<Pod> pods;
    private SharedIndexInformer<Service> services;
    private SharedIndexInformer<Secret> secrets;
    private SharedIndexInformer<ConfigMap> configMaps;
    private PodWorker worker;
    private Thread workerThread;

    public ProcessKubelet(KubernetesClient client, KubeletOptions options) {
        this.client = client;
        this.options = options;
        this.nodes = NodeIdentity.numbered(options.nodes());
    }

    public List<NodeIdentity> nodes() {
        return nodes;
    }

    public void start() {
        Path podsDir = options.stateDir().resolve("pods");
        int leftovers = ProcessRecords.killLeftovers(podsDir);
        if (leftovers > 0) {
            LOG.warn("killed {} container processes left over from a previous kubelet", leftovers);
        }
        // made first: the first start generates the certificate, which should not delay the API past node Ready
        Optional<SslContext> apiTls = options.clientCa().map(clientCa -> KubeletTls.serverContext(
                options.stateDir().resolve("kubelet-pki"), nodes.stream().map(NodeIdentity::ip).toList(), clientCa));
        NodeRegistrar registrar = new NodeRegistrar(client,
                new NodeStatusFactory(options.capacity(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString()));
        NodeHeartbeat heartbeat = new NodeHeartbeat(client, registrar, nodes, clock);
        String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        nodes.forEach(node -> registrar.register(node, now));
        long beat = options.heartbeat().toMillis();
        timers.scheduleWithFixedDelay(heartbeat::beat, beat, beat, TimeUnit.MILLISECONDS);

        pods = client.pods().inAnyNamespace().runnableInformer(INFORMER_RESYNC_MILLIS);
        services = client.services().inAnyNamespace().runnableInformer(INFORMER_RESYNC_MILLIS);
        secrets = client.secrets().inAnyNamespace().runnableInformer(INFORMER_RESYNC_MILLIS);
        configMaps = client.configMaps().inAnyNamespace().runnableInformer(INFORMER_RESYNC_MILLIS);
        ClusterObjects objects = new CachedClusterObjects(key -> secrets.getIndexer().getByKey(key),
                key -> configMaps.getIndexer().getByKey(key), new ApiClusterObjects(client));
        Map<String, String> nodeIps = new LinkedHashMap<>();
        nodes.forEach(node -> nodeIps.put(node.name(), node.ip()));
        PodStarterParts parts = new PodStarterParts(
                new EnvResolver(objects, options.apiServerHost(), options.apiServerPort(), options.capacity()),
                new VolumeMaterializer(objects),
                ImageMapping.load(options.podflowDist(), options.imageMap()),
                new ContainerLauncher());
        worker = new PodWorker(key -> pods.getIndexer().getByKey(key), () -> pods.getStore().list(),
                () -> ServiceAddressResolver.resolve(services.getStore().list(), pods.getStore().list()), nodeIps,
                podsDir, parts, new ProbeRunner(probeThreads), new ApiPods(client),
                new RestartDecision(options.restartBackoff(), options.maxRestartBackoff()), options.shutdownGrace(),
                clock);
        pods.addEventHandler(new ChangeHandler<>(pod -> worker.post(new KubeletEvent.PodChanged(Cache.metaNamespaceKeyFunc(pod)))));
        services.addEventHandler(new ChangeHandler<>(service -> worker.post(new KubeletEvent.ServicesChanged())));
        secrets.addEventHandler(new ChangeHandler<>(secret -> worker.post(new KubeletEvent.ConfigChanged())));
        configMaps.addEventHandler(new ChangeHandler<>(configMap -> worker.post(new KubeletEvent.ConfigChanged())));
        exposure = new ServiceExposure(network, nodes.stream().map(NodeIdentity::ip).toList(),
                () -> services.getStore().list(), () -> pods.getStore().list(), new IngressPublisher(client));
        services.addEventHandler(new ChangeHandler<>(service -> exposureThread.execute(exposure::reconcile)));
        // the worker prunes sandboxes of pods that no longer exist, so it must start from a full listing
        pods.start().toCompletableFuture().join();
        services.start().toCompletableFuture().join();
        secrets.start().toCompletableFuture().join();
        configMaps.start().toCompletableFuture().join();
        workerThread = new Thread(worker, "kubelet-pod-worker");
        workerThread.start();
        timers.scheduleWithFixedDelay(() -> worker.post(new KubeletEvent.Tick()), 1, 1, TimeUnit.SECONDS);
        exposureThread.execute(exposure::reconcile);
        apiTls.ifPresentOrElse(tls -> startApi(podsDir, tls), () -> LOG.warn("no --client-ca-file (or LOCALKUBE_CA):"
                + " the kubelet API is off, so kubectl logs, exec and port-forward will not work"));
        LOG.info("process kubelet running nodes {}", nodes.stream().map(NodeIdentity::name).toList());
    }

    /** Serves logs, exec and port-forward on every node address. */
    private void startApi(Path podsDir, SslContext tls) {
        PodFiles files = new PodFiles(podsDir);
        PodAccess access = new PodAccess(key -> pods.getIndexer().getByKey(key), files, new ContainerInits(files));
        api = new KubeletApiServer(network, tls, access, logIo, execIo);
        nodes.forEach(node -> api.bind(node.ip(), NodeIdentity.KUBELET_PORT));
    }

    /** Stops every container this kubelet started, then the informers and timers. */
    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        exposureThread.shutdownNow();
        if (exposure != null) {
            exposure.close();
        }
        network.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        logIo.shutdownNow();
        execIo.shutdownNow();
        timers.shutdownNow();
        if (worker != null) {
            worker.post(new KubeletEvent.Shutdown());
            try {
                workerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        probeThreads.shutdownNow();
        if (pods != null) {
            pods.close();
            services.close();
            secrets.close();
            configMaps.close();
        }
    }

    /** Waits until the pod worker has stopped. */
    public void awaitTermination() throws InterruptedException {
        if (workerThread != null) {
            workerThread.join();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Every add, update or delete becomes the same "look again" signal. */
    private record ChangeHandler<T>(java.util.function.Consumer<T> onChange) implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T object) {
            onChange.accept(object);
        }

        @Override
        public void onUpdate(T oldObject, T newObject) {
            onChange.accept(newObject);
        }

        @Override
        public void onDelete(T object, boolean deletedFinalStateUnknown) {
            onChange.accept(object);
        }
    }
}
