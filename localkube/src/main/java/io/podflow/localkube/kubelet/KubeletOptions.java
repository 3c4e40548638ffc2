package io.podflow.localkube.kubelet;

import io.podflow.localkube.kubelet.node.NodeCapacity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The process kubelet's settings from its command line and environment.
 *
 * <pre>
 * --kubeconfig FILE          admin kubeconfig (required)
 * --state-dir DIR            pod sandboxes and logs go to DIR/pods (required)
 * --nodes N                  register localkube-node-1..N (default 1)
 * --image-map FILE           extra image mappings (YAML, see ImageMapping)
 * --podflow-dist DIR         tree for images podflow/flink (default $PODFLOW_DIST or REPO/dist/target/podflow)
 * --node-cpu Q --node-memory Q --node-pods N    capacity of every node (default 8, 32Gi, 110)
 * --restart-backoff-seconds S --max-restart-backoff-seconds S   crash back-off (default 10, 300)
 * --heartbeat-seconds S      node status and lease renewal period (default 10)
 * --shutdown-grace-seconds S how long containers get to stop when the kubelet stops (default 10)
 * --client-ca-file FILE      CA whose client certificates the kubelet API accepts (default $LOCALKUBE_CA);
 *                            without one the kubelet API (logs, exec, port-forward) is not served
 * env LOCALKUBE_APISERVER    what pods see as KUBERNETES_SERVICE_HOST/PORT (default https://127.0.0.1:6443)
 * </pre>
 */
public record KubeletOptions(Path kubeconfig, Path stateDir, int nodes, Optional<Path> imageMap, Path podflowDist,
        NodeCapacity capacity, Duration restartBackoff, Duration maxRestartBackoff, Duration heartbeat,
        Duration shutdownGrace, String apiServerHost, int apiServerPort, Optional<Path> clientCa) {

    private static final java.util.Set<String> KNOWN_FLAGS = java.util.Set.of("kubeconfig", "state-dir", "nodes",
            "image-map", "podflow-dist", "node-cpu", "node-memory", "node-pods", "restart-backoff-seconds",
            "max-restart-backoff-seconds", "heartbeat-seconds", "shutdown-grace-seconds", "client-ca-file");

    public static KubeletOptions parse(String[] args, Map<String, String> env, Path defaultDist) {
        Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                flags.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("flag " + arg + " needs a value");
            }
        }
        for (String flag : flags.keySet()) {
            if (!KNOWN_FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown flag --" + flag);
            }
        }
        Path kubeconfig = Path.of(required(flags, "kubeconfig"));
        Path stateDir = Path.of(required(flags, "state-dir"));
        int nodes = Integer.parseInt(flags.getOrDefault("nodes", "1"));
        Optional<Path> imageMap = Optional.ofNullable(flags.get("image-map")).map(Path::of);
        Path dist = Path.of(flags.getOrDefault("podflow-dist", env.getOrDefault("PODFLOW_DIST", defaultDist.toString())));
        NodeCapacity capacity = new NodeCapacity(flags.getOrDefault("node-cpu", NodeCapacity.DEFAULT.cpu()),
                flags.getOrDefault("node-memory", NodeCapacity.DEFAULT.memory()),
                flags.getOrDefault("node-pods", NodeCapacity.DEFAULT.pods()));
        URI apiServer = URI.create(env.getOrDefault("LOCALKUBE_APISERVER", "https://127.0.0.1:6443"));
        return new KubeletOptions(kubeconfig, stateDir, nodes, imageMap, dist, capacity,
                seconds(flags, "restart-backoff-seconds", 10), seconds(flags, "max-restart-backoff-seconds", 300),
                seconds(flags, "heartbeat-seconds", 10), seconds(flags, "shutdown-grace-seconds", 10),
                apiServer.getHost(), apiServer.getPort() < 0 ? 443 : apiServer.getPort(),
                Optional.ofNullable(flags.getOrDefault("client-ca-file", env.get("LOCALKUBE_CA"))).map(Path::of));
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing required flag --" + name);
        }
        return value;
    }

    private static Duration seconds(Map<String, String> flags, String name, long fallback) {
        return Duration.ofSeconds(Long.parseLong(flags.getOrDefault(name, Long.toString(fallback))));
    }
}
