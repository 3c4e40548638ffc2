package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.client.LocalPortForward;
import io.podflow.kubernetes.client.RestServiceAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Where this client reaches a cluster's REST endpoint, and the port-forward that makes it reachable when there is
 * one; closing it ends the port-forward.
 */
public final class RestEndpoint implements AutoCloseable {

    private final URI uri;
    private final RestServiceAccess serviceAccess;
    private final LocalPortForward portForward;

    private RestEndpoint(URI uri, RestServiceAccess serviceAccess, LocalPortForward portForward) {
        this.uri = uri;
        this.serviceAccess = serviceAccess;
        this.portForward = portForward;
    }

    static RestEndpoint direct(String url, RestServiceAccess serviceAccess) {
        return new RestEndpoint(URI.create(url + "/"), serviceAccess, null);
    }

    static RestEndpoint forwarded(LocalPortForward portForward, RestServiceAccess serviceAccess) {
        return new RestEndpoint(URI.create("http://127.0.0.1:" + portForward.getLocalPort() + "/"), serviceAccess,
                portForward);
    }

    public URI uri() {
        return uri;
    }

    /** How a user reaches the REST Service from outside the cluster, as the Service itself says. */
    public RestServiceAccess serviceAccess() {
        return serviceAccess;
    }

    @Override
    public void close() {
        if (portForward != null) {
            try {
                portForward.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the port-forward to " + uri, e);
            }
        }
    }
}
