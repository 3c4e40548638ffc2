package io.podflow.localkube.cluster;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One running localkube per JVM: started on first use (or reused when already up) and left running,
 * so every test class of a run, and later runs, share it. Stop it with {@code localkube down}.
 */
public final class LocalKube {

    /** System property: {@code false} starts only the control plane ({@code up --no-kubelet}). */
    public static final String KUBELET_PROPERTY = "localkube.kubelet";
    /** Label put on every namespace made by {@link #createNamespace()}, to find leftovers. */
    public static final String TEST_NAMESPACE_LABEL = "podflow.io/test-namespace";
    /** Two shared cores run the whole control plane next to builds: a request may take far longer than usual. */
    public static final int REQUEST_TIMEOUT_MILLIS = 60_000;

    private static final long UP_TIMEOUT_SECONDS = 900;
    private static final long QUICK_TIMEOUT_SECONDS = 60;
    private static final long SERVICE_ACCOUNT_TIMEOUT_SECONDS = 60;

    private static LocalKube instance;

    private final LocalKubeScript script;
    private final Path kubeconfig;
    private final KubernetesClient client;

    private LocalKube(LocalKubeScript script, Path kubeconfig) {
        this.script = script;
        this.kubeconfig = kubeconfig;
        this.client = new KubernetesClientBuilder().withConfig(readConfig(kubeconfig)).build();
    }

    /** The JVM's localkube, brought up on the first call. */
    public static synchronized LocalKube get() {
        if (instance == null) {
            LocalKubeScript script = LocalKubeScript.locate();
            ensureUp(script);
            Path kubeconfig = Path.of(script.runOrFail(QUICK_TIMEOUT_SECONDS, "kubeconfig").lines().get(0));
            instance = new LocalKube(script, kubeconfig);
            Runtime.getRuntime().addShutdownHook(new Thread(instance.client::close, "localkube-client-close"));
        }
        return instance;
    }

    private static void ensureUp(LocalKubeScript script) {
        LocalKubeScript.Result status = script.run(QUICK_TIMEOUT_SECONDS, "status");
        boolean kubeletMissing = withKubelet()
                && status.lines().stream().noneMatch(line -> line.matches("kubelet\\s+running.*"));
        if (status.exitCode() != 0 || kubeletMissing) {
            script.runOrFail(UP_TIMEOUT_SECONDS, upArguments());
        }
    }

    private static boolean withKubelet() {
        return Boolean.parseBoolean(System.getProperty(KUBELET_PROPERTY, "true"));
    }

    private static String[] upArguments() {
        return withKubelet() ? new String[] {"up"} : new String[] {"up", "--no-kubelet"};
    }

    /** Runs {@code localkube up} again, e.g. after a test took it down; a no-op when it is up. */
    public void up() {
        script.runOrFail(UP_TIMEOUT_SECONDS, upArguments());
    }

    /**
     * Stops only the kube-apiserver, to test clients through an API server outage; pods, the kubelet and the rest of
     * the control plane keep running. Every test of the JVM sees the outage: end it with {@link #startApiServer()}.
     */
    public void stopApiServer() {
        script.runOrFail(QUICK_TIMEOUT_SECONDS, "stop", "apiserver");
    }

    /** Starts the kube-apiserver again after {@link #stopApiServer()}; returns once it is ready. */
    public void startApiServer() {
        script.runOrFail(UP_TIMEOUT_SECONDS, "start", "apiserver");
    }

    /** The state directory ({@code LOCALKUBE_HOME}): kubeconfigs, pki, logs, pids, pods. */
    public Path home() {
        return kubeconfig.getParent();
    }

    private static Config readConfig(Path kubeconfig) {
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig, e);
        }
    }

    /** An admin client; shared, do not close it. */
    public KubernetesClient client() {
        return client;
    }

    /** The admin kubeconfig, for tools such as kubectl or podflow's own client. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    public LocalKubeScript script() {
        return script;
    }

    /**
     * Creates a namespace with a random name, ready for pods: it returns once the namespace's
     * {@code default} service account has its token, without which the apiserver refuses pods.
     * Closing the result deletes the namespace with everything in it.
     */
    public TestNamespace createNamespace() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        client.namespaces().resource(new NamespaceBuilder()
                        .withNewMetadata().withName(name).addToLabels(TEST_NAMESPACE_LABEL, "true").endMetadata()
                        .build())
                .create();
        TestNamespace namespace = new TestNamespace(client, name);
        try {
            client.serviceAccounts().inNamespace(name).withName("default").waitUntilCondition(
                    account -> account != null && !account.getSecrets().isEmpty(),
                    SERVICE_ACCOUNT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }
}
