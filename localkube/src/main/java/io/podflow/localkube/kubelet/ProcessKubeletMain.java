package io.podflow.localkube.kubelet;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the process kubelet:
 * {@code ProcessKubeletMain --kubeconfig FILE --state-dir DIR --nodes N [--image-map FILE]} (see
 * {@link KubeletOptions} for all flags). Runs until SIGTERM, then stops every pod process it started.
 */
public final class ProcessKubeletMain {

    private ProcessKubeletMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:kubelet/log4j2-kubelet.xml");
        }
        KubeletOptions options;
        try {
            options = KubeletOptions.parse(args, System.getenv(), defaultDist());
        } catch (IllegalArgumentException e) {
            System.err.println("kubelet: " + e.getMessage());
            System.exit(2);
            return;
        }
        Config config = Config.fromKubeconfig(Files.readString(options.kubeconfig()));
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        ProcessKubelet kubelet = new ProcessKubelet(client, options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kubelet.close();
            client.close();
        }, "kubelet-shutdown"));
        kubelet.start();
        kubelet.awaitTermination();
    }

    /** {@code <repo>/dist/target/podflow}, the repo being where this jar's {@code localkube/target} lives. */
    private static Path defaultDist() throws IOException {
        Path location;
        try {
            location = Path.of(ProcessKubeletMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("dist", "target", "podflow").toAbsolutePath();
        }
        // .../localkube/target/classes or .../localkube/target/podflow-localkube.jar
        Path repo = location.getParent().getParent().getParent();
        return repo.resolve("dist").resolve("target").resolve("podflow");
    }
}
