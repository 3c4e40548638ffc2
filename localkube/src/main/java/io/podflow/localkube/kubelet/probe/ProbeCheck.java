package io.podflow.localkube.kubelet.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.podflow.localkube.kubelet.container.ContainerProcess;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One probe action (TCP connect, HTTP GET or exec inside the container's namespaces) against a pod. */
interface ProbeCheck {

    boolean passes();

    static ProbeCheck of(Probe probe, Container container, String podIp, ContainerProcess process) {
        int timeoutMillis = (probe.getTimeoutSeconds() == null || probe.getTimeoutSeconds() <= 0 ? 1
                : probe.getTimeoutSeconds()) * 1000;
        if (probe.getTcpSocket() != null) {
            int port = port(probe.getTcpSocket().getPort(), container);
            String host = probe.getTcpSocket().getHost() == null ? podIp : probe.getTcpSocket().getHost();
            return () -> tcp(host, port, timeoutMillis);
        }
        if (probe.getHttpGet() != null) {
            var get = probe.getHttpGet();
            String host = get.getHost() == null ? podIp : get.getHost();
            URI uri = URI.create(("HTTPS".equalsIgnoreCase(get.getScheme()) ? "https" : "http") + "://" + host + ":"
                    + port(get.getPort(), container) + (get.getPath() == null ? "/" : get.getPath()));
            return () -> http(uri, timeoutMillis);
        }
        if (probe.getExec() != null) {
            List<String> command = new ArrayList<>(List.of("/usr/bin/nsenter", "--mount", "--uts", "--pid", "--target"));
            List<String> probeCommand = List.copyOf(probe.getExec().getCommand());
            return () -> process.initPid().map(pid -> {
                List<String> argv = new ArrayList<>(command);
                argv.add(Long.toString(pid));
                argv.add("--");
                argv.addAll(probeCommand);
                return exec(argv, timeoutMillis);
            }).orElse(false);
        }
        throw new IllegalArgumentException("probe of container " + container.getName() + " has no action");
    }

    private static int port(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("probe refers to unknown port " + port.getStrVal()));
    }

    private static boolean tcp(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean http(URI uri, int timeoutMillis) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            int code = connection.getResponseCode();
            connection.disconnect();
            return code >= 200 && code < 400;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean exec(List<String> argv, int timeoutMillis) {
        try {
            Process probe = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
