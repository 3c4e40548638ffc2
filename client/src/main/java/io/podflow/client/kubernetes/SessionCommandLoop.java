package io.podflow.client.kubernetes;

import io.podflow.kubernetes.client.KubernetesClusterObjects;
import io.podflow.kubernetes.client.RestServiceAccess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The attached mode of {@code kubernetes-session.sh}: reads commands from stdin for an existing session until
 * {@code stop} removes it or the input ends, which detaches and leaves the session running.
 */
final class SessionCommandLoop {

    static final String COMMANDS = "Commands: stop (remove the session and everything it created), "
            + "help (this list); end of input detaches and leaves the session running.";

    private final SessionObjects session;
    private final KubernetesClusterObjects objects;
    private final String clusterId;
    private final PrintStream out;

    SessionCommandLoop(SessionObjects session, KubernetesClusterObjects objects, String clusterId, PrintStream out) {
        this.session = session;
        this.objects = objects;
        this.clusterId = clusterId;
        this.out = out;
    }

    /** Runs until {@code stop} or end of input; returns whether the session was stopped. */
    boolean run(BufferedReader in) throws IOException {
        out.println("Attached to session '" + clusterId + "'. "
                + session.restService().map(service -> RestServiceAccess.of(service, session::nodeHost)
                        .instructions()).orElse("Its REST Service does not exist."));
        out.println(COMMANDS);
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.trim().toLowerCase(Locale.ROOT);
            switch (command) {
                case "" -> { }
                case "stop" -> {
                    objects.remove(clusterId);
                    out.println("Stopped session '" + clusterId + "': its Deployment, Services, ConfigMap, Secret "
                            + "and pods are deleted.");
                    return true;
                }
                case "help" -> out.println(COMMANDS);
                default -> out.println("Unknown command '" + line.trim() + "'. " + COMMANDS);
            }
        }
        out.println("Detached from session '" + clusterId + "'; it keeps running.");
        return false;
    }
}
