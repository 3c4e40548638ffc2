package io.podflow.localkube.kubelet.api;

import java.util.List;
import java.util.Optional;

/**
 * A kubelet API path the API server proxies to: {@code /containerLogs/NS/POD/CONTAINER},
 * {@code /exec/NS/POD[/UID]/CONTAINER} and {@code /portForward/NS/POD[/UID]}.
 */
public record KubeletPath(Kind kind, String namespace, String pod, String container) {

    /** What the path asks for. */
    public enum Kind { CONTAINER_LOGS, EXEC, PORT_FORWARD }

    /** Parses the path part of a request URI (no query); empty when it is none of the kubelet API paths. */
    public static Optional<KubeletPath> parse(String path) {
        List<String> parts = List.of(path.replaceAll("^/+", "").split("/+"));
        if (parts.size() < 3 || parts.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        String namespace = parts.get(1);
        String pod = parts.get(2);
        return switch (parts.get(0)) {
            case "containerLogs" -> parts.size() == 4
                    ? Optional.of(new KubeletPath(Kind.CONTAINER_LOGS, namespace, pod, parts.get(3))) : Optional.empty();
            case "exec" -> parts.size() == 4 || parts.size() == 5
                    ? Optional.of(new KubeletPath(Kind.EXEC, namespace, pod, parts.get(parts.size() - 1)))
                    : Optional.empty();
            case "portForward" -> parts.size() == 3 || parts.size() == 4
                    ? Optional.of(new KubeletPath(Kind.PORT_FORWARD, namespace, pod, null)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    public ContainerRef containerRef() {
        return new ContainerRef(namespace, pod, container);
    }
}
