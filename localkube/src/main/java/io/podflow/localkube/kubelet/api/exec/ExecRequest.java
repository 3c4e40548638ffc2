package io.podflow.localkube.kubelet.api.exec;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query of a kubelet {@code /exec} request: {@code command} (repeated, one word each) and which
 * streams the client attaches, as the API server sends them ({@code input}, {@code output},
 * {@code error}, {@code tty}; the pod-API names {@code stdin}, {@code stdout}, {@code stderr} are accepted too).
 */
public record ExecRequest(List<String> command, boolean stdin, boolean stdout, boolean stderr, boolean tty) {

    public ExecRequest {
        command = List.copyOf(command);
    }

    public static ExecRequest parse(Map<String, List<String>> query) {
        List<String> command = query.getOrDefault("command", List.of());
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec needs at least one command parameter");
        }
        boolean tty = flag(query, "tty", "tty");
        return new ExecRequest(command, flag(query, "input", "stdin"), flag(query, "output", "stdout"),
                // a terminal merges stderr into stdout, so there is never a separate stderr stream with tty
                flag(query, "error", "stderr") && !tty, tty);
    }

    /** The stream types the client opens, error first, as the Kubernetes stream protocol v2 to v4 defines. */
    public Set<String> expectedStreams() {
        Set<String> streams = new java.util.LinkedHashSet<>();
        streams.add(StreamType.ERROR);
        if (stdin) {
            streams.add(StreamType.STDIN);
        }
        if (stdout) {
            streams.add(StreamType.STDOUT);
        }
        if (stderr) {
            streams.add(StreamType.STDERR);
        }
        if (tty) {
            streams.add(StreamType.RESIZE);
        }
        return streams;
    }

    private static boolean flag(Map<String, List<String>> query, String name, String alias) {
        List<String> values = query.containsKey(name) ? query.get(name) : query.getOrDefault(alias, List.of());
        return !values.isEmpty() && (values.get(0).equals("1") || values.get(0).equalsIgnoreCase("true"));
    }
}
