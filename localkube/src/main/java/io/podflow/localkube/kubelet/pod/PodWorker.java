package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.container.ContainerProcess;
import io.podflow.localkube.kubelet.container.ProcessRecords;
import io.podflow.localkube.kubelet.dns.HostsFileWriter;
import io.podflow.localkube.kubelet.dns.ServiceAddresses;
import io.podflow.localkube.kubelet.dns.ServiceHostsFile;
import io.podflow.localkube.kubelet.probe.ProbeRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's single reconcile thread: it alone owns every {@link PodRuntime}, decides which
 * containers to start and stop, and computes pod status, which {@link StatusReporter} sends.
 * Containers are started on {@link ContainerLaunchThreads}, several pods at a time; other threads
 * only post {@link KubeletEvent}s.
 */
public final class PodWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PodWorker.class);
    private static final Duration CONFIG_RETRY = Duration.ofSeconds(2);
    private static final long DEFAULT_GRACE_SECONDS = 30;
    /**
     * A burst of new pods is a burst of status patches, each mostly waiting on the API server and etcd:
     * with 4 senders, the patches of 50 new pods queued for seconds behind each other (docs/performance.md).
     */
    private static final int STATUS_THREADS = 16;
    private static final int LAUNCH_THREADS = 8;

    private final BlockingQueue<KubeletEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, PodRuntime> runtimes = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Function<String, Pod> podCache;
    private final Supplier<List<Pod>> allPods;
    private final Supplier<List<ServiceAddresses>> serviceAddresses;
    private final Map<String, String> nodeIps;
    private final Path podsDir;
    private final PodIpPool ipPool = new PodIpPool();
    private final ContainerStarter starter;
    private final ContainerLaunchThreads launches = new ContainerLaunchThreads(LAUNCH_THREADS, this::post);
    private final ProbeRunner probes;
    private final PodApi api;
    private final ExecutorService statusThreads = Executors.newFixedThreadPool(STATUS_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "kubelet-status");
        thread.setDaemon(true);
        return thread;
    });
    private final StatusReporter statusReporter;
    private final RestartDecision restarts;
    private final Duration shutdownGrace;
    private final Clock clock;
    private boolean hostsDirty = true;
    private volatile boolean stopped;

    /**
     * @param podCache pod by {@code namespace/name} from the informer cache, or null
     * @param nodeIps the IP of every node this kubelet runs, by node name
     */
    public PodWorker(Function<String, Pod> podCache, Supplier<List<Pod>> allPods,
            Supplier<List<ServiceAddresses>> serviceAddresses, Map<String, String> nodeIps, Path podsDir,
            PodStarterParts parts, ProbeRunner probes, PodApi api, RestartDecision restarts, Duration shutdownGrace,
            Clock clock) {
        this.podCache = podCache;
        this.allPods = allPods;
        this.serviceAddresses = serviceAddresses;
        this.nodeIps = Map.copyOf(nodeIps);
        this.podsDir = podsDir;
        this.starter = new ContainerStarter(parts.envResolver(), parts.volumes(), parts.images(), parts.launcher());
        this.probes = probes;
        this.api = api;
        this.statusReporter = new StatusReporter(api, statusThreads,
                rejected -> post(new KubeletEvent.StatusRejected(rejected.podUid(), rejected.status())));
        this.restarts = restarts;
        this.shutdownGrace = shutdownGrace;
        this.clock = clock;
    }

    public void post(KubeletEvent event) {
        events.add(event);
    }

    public boolean isStopped() {
        return stopped;
    }

    @Override
    public void run() {
        removeStaleSandboxes();
        try {
            List<KubeletEvent> batch = new ArrayList<>();
            while (true) {
                batch.add(events.take());
                events.drainTo(batch);
                for (KubeletEvent event : batch) {
                    if (event instanceof KubeletEvent.Shutdown) {
                        stopAll();
                        return;
                    }
                    handleSafely(event);
                }
                batch.clear();
                flushSafely();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll();
        } finally {
            statusThreads.shutdown();
            launches.shutdown();
            stopped = true;
        }
    }

    /**
     * One failing event must not cost the others of its batch. Hosts files and statuses are written
     * once per batch: during a burst of pod changes that is once for many events, not once each.
     */
    private void handleSafely(KubeletEvent event) {
        try {
            handle(event);
        } catch (RuntimeException e) {
            LOG.error("pod worker failed on {}: {}", event, e.toString(), e);
        }
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("pod worker failed to write hosts files or statuses: {}", e.toString(), e);
        }
    }

    void handle(KubeletEvent event) {
        if (event instanceof KubeletEvent.PodChanged changed) {
            reconcile(changed.key());
            hostsDirty = true;
        } else if (event instanceof KubeletEvent.ConfigChanged) {
            configChanged();
        } else if (event instanceof KubeletEvent.ServicesChanged) {
            hostsDirty = true;
        } else if (event instanceof KubeletEvent.ContainerLaunched launched) {
            containerLaunched(launched);
        } else if (event instanceof KubeletEvent.ContainerExited exited) {
            containerExited(exited);
        } else if (event instanceof KubeletEvent.ProbeOutcome outcome) {
            probeOutcome(outcome);
        } else if (event instanceof KubeletEvent.Tick) {
            tick();
        } else if (event instanceof KubeletEvent.StatusRejected rejected) {
            statusRejected(rejected);
        }
    }

    private void reconcile(String key) {
        Pod pod = podCache.apply(key);
        PodRuntime runtime = runtimes.get(key);
        if (runtime != null && (pod == null || !runtime.uid().equals(pod.getMetadata().getUid()))) {
            // gone from the API server (or replaced by a namesake): nothing may keep running
            tearDown(key, runtime);
            runtime = null;
        }
        if (pod == null || !isMine(pod)) {
            return;
        }
        if (runtime == null) {
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                api.deleteNow(pod);
                return;
            }
            if (isFinished(pod)) {
                return;
            }
            runtime = createRuntime(key, pod);
        }
        runtime.update(pod);
        dirty.add(key);
        if (runtime.isTerminating()) {
            stopPod(runtime);
        } else {
            startDueContainers(key, runtime);
        }
    }

    private PodRuntime createRuntime(String key, Pod pod) {
        String previousIp = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        String ip = previousIp != null && ipPool.claim(previousIp) ? previousIp
                : ipPool.allocate().orElseThrow(() -> new IllegalStateException("pod IP pool exhausted"));
        PodSandbox sandbox = new PodSandbox(podsDir, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), ip,
                nodeIps.get(pod.getSpec().getNodeName()));
        createDirectory(sandbox.dir());
        writeHostsFile(pod, sandbox, serviceAddresses.get());
        String startTime = pod.getStatus() != null && pod.getStatus().getStartTime() != null
                ? pod.getStatus().getStartTime() : ContainerRuntime.timestamp(clock.instant());
        PodRuntime runtime = new PodRuntime(pod, sandbox, startTime);
        runtimes.put(key, runtime);
        LOG.info("pod {} on {} gets IP {}", key, pod.getSpec().getNodeName(), ip);
        return runtime;
    }

    /** Init containers one at a time until each has succeeded, then every app container that is due. */
    private void startDueContainers(String key, PodRuntime runtime) {
        Instant now = clock.instant();
        ContainerRuntime init = runtime.pendingInitContainer();
        if (init != null) {
            if (init.isDueToStart(now)) {
                startContainer(runtime, spec(runtime.pod().getSpec().getInitContainers(), init.name()), init);
            }
            return;
        }
        for (Container spec : runtime.pod().getSpec().getContainers()) {
            ContainerRuntime container = runtime.container(spec.getName());
            if (container != null && container.isDueToStart(now)) {
                startContainer(runtime, spec, container);
            }
        }
    }

    private void startContainer(PodRuntime runtime, Container spec, ContainerRuntime container) {
        container.launching();
        Pod pod = runtime.pod();
        PodSandbox sandbox = runtime.sandbox();
        launches.launch(runtime.uid(), spec.getName(), () -> starter.start(pod, spec, sandbox));
    }

    private void containerLaunched(KubeletEvent.ContainerLaunched launched) {
        Optional<Map.Entry<String, PodRuntime>> found = runtimeByUid(launched.podUid());
        ContainerRuntime container = found.map(entry -> entry.getValue().container(launched.container())).orElse(null);
        if (container == null || !container.isLaunching()) {
            // the pod was removed while its container was being started: nothing of it may keep running
            if (launched.process() != null) {
                launched.process().kill();
            }
            return;
        }
        String key = found.get().getKey();
        PodRuntime runtime = found.get().getValue();
        Container spec = spec(Stream.concat(runtime.pod().getSpec().getInitContainers().stream(),
                runtime.pod().getSpec().getContainers().stream()).toList(), launched.container());
        Instant now = clock.instant();
        if (launched.failure() == null) {
            started(key, runtime, spec, container, launched.process(), now);
        } else if (launched.failure() instanceof ContainerConfigException) {
            container.failedToStart(ContainerRuntime.CONFIG_ERROR, launched.failure().getMessage(),
                    now.plus(CONFIG_RETRY));
            LOG.warn("pod {} container {}: {}", key, spec.getName(), launched.failure().getMessage());
        } else {
            container.failedToStart("RunContainerError", launched.failure().getMessage(), now.plus(CONFIG_RETRY));
            LOG.warn("pod {} container {} failed to start: {}", key, spec.getName(), launched.failure().toString());
        }
        dirty.add(key);
        if (runtime.isTerminating()) {
            // deleted while it was being started: it gets the same SIGTERM and grace period as the others
            stopPod(runtime);
        }
    }

    private void started(String key, PodRuntime runtime, Container spec, ContainerRuntime container,
            ContainerProcess process, Instant now) {
        container.started(process, now);
        int attempt = container.attempt();
        String uid = runtime.uid();
        process.onExit().thenAccept(code -> post(new KubeletEvent.ContainerExited(uid, spec.getName(), attempt,
                code)));
        if (!runtime.isInitContainer(spec.getName())) {
            container.setReady(spec.getReadinessProbe() == null);
            startProbes(key, runtime, spec, attempt, process);
        }
        LOG.info("started container {} of pod {} as pid {}", spec.getName(), key, process.pid());
    }

    /** A probe that cannot run (e.g. a named port the container lacks) leaves the container unready, not untracked. */
    private void startProbes(String key, PodRuntime runtime, Container spec, int attempt, ContainerProcess process) {
        try {
            probes.start(runtime.uid(), runtime.pod(), spec, attempt, runtime.sandbox().ip(), process, this::post);
        } catch (IllegalArgumentException e) {
            LOG.warn("pod {} container {}: probes not started: {}", key, spec.getName(), e.getMessage());
        }
    }

    private static Container spec(List<Container> containers, String name) {
        return containers.stream().filter(container -> container.getName().equals(name)).findFirst().orElseThrow();
    }

    private void containerExited(KubeletEvent.ContainerExited exited) {
        Optional<Map.Entry<String, PodRuntime>> found = runtimeByUid(exited.podUid());
        if (found.isEmpty()) {
            return;
        }
        String key = found.get().getKey();
        PodRuntime runtime = found.get().getValue();
        ContainerRuntime container = runtime.container(exited.container());
        if (container == null || container.attempt() != exited.attempt() || !container.isRunning()) {
            return;
        }
        probes.stop(exited.podUid(), exited.container());
        ProcessRecords.delete(runtime.sandbox().pidFile(exited.container()));
        Instant now = clock.instant();
        int code = exited.exitCode();
        String restartPolicy = runtime.pod().getSpec().getRestartPolicy();
        // an init container that succeeded is finished whatever the policy; a failed one retries unless Never
        boolean restart = runtime.isInitContainer(exited.container())
                ? code != 0 && !"Never".equals(restartPolicy)
                : RestartDecision.shouldRestart(restartPolicy, code);
        Instant restartAt = null;
        if (!runtime.isTerminating() && restart) {
            restartAt = now.plus(restarts.backoff(container.restartCount(), Duration.between(container.startedAt(), now)));
        }
        container.exited(code, code == 0 ? "Completed" : "Error", now, restartAt);
        LOG.info("container {} of pod {} exited with {}{}", exited.container(), key, code,
                restartAt == null ? "" : ", restarting at " + restartAt);
        dirty.add(key);
        if (runtime.isTerminating() && !runtime.anyRunningOrLaunching()) {
            finishDeletion(runtime);
        } else {
            startDueContainers(key, runtime);
        }
    }

    private void probeOutcome(KubeletEvent.ProbeOutcome outcome) {
        runtimeByUid(outcome.podUid()).ifPresent(entry -> {
            ContainerRuntime container = entry.getValue().container(outcome.container());
            if (container == null || container.attempt() != outcome.attempt() || !container.isRunning()) {
                return;
            }
            if (outcome.liveness()) {
                if (!outcome.success()) {
                    LOG.info("liveness probe of {} in pod {} failed; restarting it", outcome.container(), entry.getKey());
                    stopContainer(entry.getValue(), container);
                }
            } else {
                container.setReady(outcome.success());
            }
            dirty.add(entry.getKey());
        });
    }

    /** Flink creates the ConfigMap a JobManager pod mounts after the pod's Deployment: no need to wait for the retry. */
    private void configChanged() {
        Instant now = clock.instant();
        runtimes.forEach((key, runtime) -> {
            if (!runtime.isTerminating()) {
                runtime.allContainers().forEach(container -> container.configChanged(now));
                startDueContainers(key, runtime);
            }
        });
    }

    private void tick() {
        Instant now = clock.instant();
        for (var entry : runtimes.entrySet()) {
            PodRuntime runtime = entry.getValue();
            for (ContainerRuntime container : runtime.allContainers()) {
                if (container.isRunning() && container.killAt() != null && !now.isBefore(container.killAt())) {
                    container.process().kill();
                }
            }
            if (!runtime.isTerminating()) {
                startDueContainers(entry.getKey(), runtime);
            }
        }
    }

    private void stopPod(PodRuntime runtime) {
        if (!runtime.anyRunningOrLaunching()) {
            finishDeletion(runtime);
            return;
        }
        for (ContainerRuntime container : runtime.allContainers()) {
            if (container.isRunning()) {
                stopContainer(runtime, container);
            }
        }
    }

    /** SIGTERM now, SIGKILL when the grace period ends (the tick enforces it). */
    private void stopContainer(PodRuntime runtime, ContainerRuntime container) {
        if (container.killAt() != null) {
            return;
        }
        Pod pod = runtime.pod();
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        if (grace == null) {
            grace = Objects.requireNonNullElse(pod.getSpec().getTerminationGracePeriodSeconds(), DEFAULT_GRACE_SECONDS);
        }
        container.stopping(clock.instant().plusSeconds(grace));
        container.process().terminate();
        if (grace == 0) {
            container.process().kill();
        }
    }

    private void finishDeletion(PodRuntime runtime) {
        if (runtime.requestDeleteOnce()) {
            api.deleteNow(runtime.pod());
        }
    }

    private void tearDown(String key, PodRuntime runtime) {
        for (ContainerRuntime container : runtime.allContainers()) {
            probes.stop(runtime.uid(), container.name());
            if (container.isRunning()) {
                container.process().kill();
            }
        }
        runtimes.remove(key);
        dirty.remove(key);
        ipPool.release(runtime.sandbox().ip());
        PodSandbox.deleteTree(runtime.sandbox().dir());
        LOG.info("pod {} removed", key);
    }

    private void flush() {
        if (hostsDirty) {
            hostsDirty = false;
            List<ServiceAddresses> addresses = serviceAddresses.get();
            runtimes.values().forEach(runtime -> writeHostsFile(runtime.pod(), runtime.sandbox(), addresses));
        }
        for (String key : new ArrayList<>(dirty)) {
            PodRuntime runtime = runtimes.get(key);
            if (runtime != null) {
                report(key, runtime);
            }
        }
        dirty.clear();
    }

    private void report(String key, PodRuntime runtime) {
        Pod pod = runtime.pod();
        List<ContainerStatus> initStatuses = runtime.initContainers().stream().map(ContainerRuntime::toStatus).toList();
        List<ContainerStatus> statuses = runtime.containers().stream().map(ContainerRuntime::toStatus).toList();
        PodStatus status = PodStatusComputer.compute(pod, pod.getStatus(), runtime.sandbox().ip(),
                runtime.sandbox().hostIp(), runtime.startTime(), initStatuses, statuses,
                ContainerRuntime.timestamp(clock.instant()));
        if (status.equals(runtime.reported())) {
            return;
        }
        runtime.reported(status);
        statusReporter.submit(key, pod, status);
    }

    /** The pod's next change sends its status again, as it would have had the patch never been tried. */
    private void statusRejected(KubeletEvent.StatusRejected rejected) {
        runtimeByUid(rejected.podUid())
                .filter(entry -> rejected.status().equals(entry.getValue().reported()))
                .ifPresent(entry -> entry.getValue().reported(null));
    }

    private static void writeHostsFile(Pod pod, PodSandbox sandbox, List<ServiceAddresses> addresses) {
        String hostname = Optional.ofNullable(pod.getSpec().getHostname()).orElse(pod.getMetadata().getName());
        HostsFileWriter.write(sandbox.hostsFile(), ServiceHostsFile.render(pod.getMetadata().getNamespace(), hostname,
                pod.getSpec().getSubdomain(), sandbox.ip(), addresses));
    }

    private Optional<Map.Entry<String, PodRuntime>> runtimeByUid(String uid) {
        return runtimes.entrySet().stream().filter(entry -> entry.getValue().uid().equals(uid)).findFirst();
    }

    /** Bound to one of this kubelet's nodes (an unscheduled pod has no node name yet). */
    private boolean isMine(Pod pod) {
        String node = pod.getSpec().getNodeName();
        return node != null && nodeIps.containsKey(node);
    }

    private static boolean isFinished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    /** Terminates every container, waits up to the shutdown grace, then kills what is left. */
    private void stopAll() {
        finishLaunches();
        List<ContainerProcess> running = new ArrayList<>();
        for (PodRuntime runtime : runtimes.values()) {
            for (ContainerRuntime container : runtime.allContainers()) {
                if (container.isRunning()) {
                    running.add(container.process());
                    container.process().terminate();
                }
            }
        }
        Instant deadline = clock.instant().plus(shutdownGrace);
        for (ContainerProcess process : running) {
            long left = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
            try {
                process.onExit().get(left, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.kill();
            }
        }
        for (ContainerProcess process : running) {
            process.kill();
            process.onExit().join();
        }
        for (PodRuntime runtime : runtimes.values()) {
            runtime.allContainers().forEach(container ->
                    ProcessRecords.delete(runtime.sandbox().pidFile(container.name())));
        }
        LOG.info("stopped {} container processes", running.size());
    }

    /** Containers still being started are let start, so that they are stopped like every other. */
    private void finishLaunches() {
        try {
            if (!launches.awaitUnderWay(shutdownGrace)) {
                LOG.warn("container starts still under way at shutdown; their processes end with the kubelet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<KubeletEvent> left = new ArrayList<>();
        events.drainTo(left);
        left.stream().filter(KubeletEvent.ContainerLaunched.class::isInstance).forEach(this::handleSafely);
    }

    /** Sandboxes of pods that no longer exist (from a previous kubelet run) are removed at start. */
    private void removeStaleSandboxes() {
        if (!Files.isDirectory(podsDir)) {
            return;
        }
        Set<Path> live = new HashSet<>();
        for (Pod pod : allPods.get()) {
            live.add(PodSandbox.directoryOf(podsDir, pod.getMetadata().getNamespace(), pod.getMetadata().getName()));
        }
        try (Stream<Path> dirs = Files.list(podsDir)) {
            dirs.filter(dir -> !live.contains(dir)).forEach(PodSandbox::deleteTree);
        } catch (IOException e) {
            LOG.warn("cannot clean {}: {}", podsDir, e.getMessage());
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
