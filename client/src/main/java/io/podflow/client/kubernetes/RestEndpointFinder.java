package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.podflow.kubernetes.client.RestServiceAccess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a running cluster's REST endpoint through the Kubernetes API, from its REST Service {@code <id>-rest}: a
 * NodePort at the node's address, a LoadBalancer at its external address (its NodePort until it has one), and
 * otherwise (ClusterIP) a ready JobManager pod the Service selects, at its pod IP when this client can connect to
 * it, else through a port-forward to that pod.
 */
final class RestEndpointFinder {

    private static final Logger LOG = LoggerFactory.getLogger(RestEndpointFinder.class);

    /** Pod IPs are either reachable at once (same network) or not at all; a long wait helps nobody. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final SessionObjects cluster;

    RestEndpointFinder(SessionObjects cluster) {
        this.cluster = cluster;
    }

    /**
     * @throws ClusterUnavailableException when the cluster has no REST Service or no ready JobManager pod
     * @throws io.podflow.kubernetes.client.KubernetesApiException when an API call fails
     */
    RestEndpoint find() {
        Service service = cluster.restService().orElseThrow(() -> new ClusterUnavailableException("There is no "
                + "cluster '" + cluster.clusterId() + "' in namespace '" + cluster.namespace() + "' (no Service "
                + cluster.names().restService() + "); check -Dkubernetes.cluster-id and -Dkubernetes.namespace, "
                + "or start it with ./bin/kubernetes-session.sh -Dkubernetes.cluster-id=" + cluster.clusterId()));
        RestServiceAccess access = RestServiceAccess.of(service, cluster::nodeHost);
        Optional<String> serviceUrl = access.url();
        if (serviceUrl.isPresent()) {
            LOG.debug("REST endpoint of {} from its {} Service: {}", cluster.clusterId(), service.getSpec().getType(),
                    serviceUrl.get());
            return RestEndpoint.direct(serviceUrl.get(), access);
        }
        Pod pod = readyPod(service);
        int port = RestServiceAccess.targetPort(service, pod);
        InetSocketAddress podAddress = new InetSocketAddress(pod.getStatus().getPodIP(), port);
        if (accepts(podAddress)) {
            LOG.debug("REST endpoint of {} at pod {}: {}", cluster.clusterId(), pod.getMetadata().getName(),
                    podAddress);
            return RestEndpoint.direct("http://" + podAddress.getHostString() + ":" + port, access);
        }
        LOG.info("Pod {} is not reachable at {} from here; forwarding a local port to it", pod.getMetadata().getName(),
                podAddress);
        return RestEndpoint.forwarded(cluster.portForward(pod, port), access);
    }

    private Pod readyPod(Service service) {
        List<Pod> ready = cluster.readyPods(service.getSpec().getSelector());
        if (ready.isEmpty()) {
            throw new ClusterUnavailableException("Cluster '" + cluster.clusterId() + "' in namespace '"
                    + cluster.namespace() + "' has no ready JobManager pod yet; try again once 'kubectl get pods -n "
                    + cluster.namespace() + " -l app=" + cluster.clusterId() + ",component=jobmanager' shows it "
                    + "Ready");
        }
        return ready.get(0);
    }

    private boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, Math.toIntExact(CONNECT_TIMEOUT.toMillis()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
