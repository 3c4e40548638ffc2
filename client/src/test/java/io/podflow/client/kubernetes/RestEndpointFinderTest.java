package io.podflow.client.kubernetes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.internal.WebSocketMessage;
import io.podflow.kubernetes.naming.KubernetesLabels;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class RestEndpointFinderTest {

    private static final String NAMESPACE = "team-a";

    KubernetesMockServer server;
    KubernetesClient client;

    /** Stands in for the REST port of a JobManager pod at 127.0.0.1, as pods have on localkube. */
    private ServerSocket jobManagerRest;

    @BeforeEach
    void listen() throws IOException {
        jobManagerRest = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stopListening() throws IOException {
        jobManagerRest.close();
    }

    @Test
    void aNodePortServiceIsReachedAtANodesAddressAndItsNodePort() {
        restService("NodePort", 30081);
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().withNewStatus()
                .addNewAddress().withType("Hostname").withAddress("node-1").endAddress()
                .addNewAddress().withType("InternalIP").withAddress("10.0.0.5").endAddress()
                .addNewAddress().withType("ExternalIP").withAddress("198.51.100.5").endAddress().endStatus().build())
                .create();

        assertEquals(URI.create("http://198.51.100.5:30081/"), find().uri());
    }

    @Test
    void whereNoNodeIsKnownTheApiServersHostStandsInForIt() {
        restService("NodePort", 30081);

        assertEquals(URI.create("http://" + client.getMasterUrl().getHost() + ":30081/"), find().uri());
    }

    @Test
    void aLoadBalancerIsReachedAtItsExternalAddress() {
        client.services().inNamespace(NAMESPACE).resource(service("LoadBalancer", 30081).withNewStatus()
                .withNewLoadBalancer().addNewIngress().withIp("203.0.113.7").endIngress().endLoadBalancer()
                .endStatus().build()).create();

        assertEquals(URI.create("http://203.0.113.7:8081/"), find().uri());
    }

    @Test
    void aLoadBalancerWithoutExternalAddressIsReachedAtItsNodePort() {
        restService("LoadBalancer", 30081);

        assertEquals(URI.create("http://" + client.getMasterUrl().getHost() + ":30081/"), find().uri());
    }

    @Test
    void aClusterIpServiceIsReachedAtTheReadyPodItSelects() {
        restService("ClusterIP", null);
        jobManagerPod("s1-jm-old", "127.0.0.2", "Running", "False");
        jobManagerPod("s1-jm", "127.0.0.1", "Running", "True");

        assertEquals(URI.create("http://127.0.0.1:" + jobManagerRest.getLocalPort() + "/"), find().uri());
    }

    @Test
    void aReadyPodThisClientCannotConnectToIsReachedThroughAPortForward() throws IOException {
        int podPort = jobManagerRest.getLocalPort();
        jobManagerRest.close();
        restService("ClusterIP", null);
        jobManagerPod("s1-jm", "127.0.0.1", "Running", "True");
        String overview = "{\"taskmanagers\":2}";
        // the v4.channel.k8s.io stream of a port-forward: each channel first names the port (two bytes), then data
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/s1-jm/portforward?ports=" + podPort)
                .andUpgradeToWebSocket().open()
                .immediately().andEmit(frame(0, "81"))
                .immediately().andEmit(frame(1, "81"))
                .immediately().andEmit(frame(0, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + overview.length() + "\r\n\r\n" + overview))
                .done().always();

        try (RestEndpoint endpoint = find(); Socket local = new Socket(endpoint.uri().getHost(),
                endpoint.uri().getPort())) {
            assertNotEquals(podPort, endpoint.uri().getPort());
            local.getOutputStream().write("GET /overview HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            // a connection to the local port is forwarded through the API server to the JobManager pod's REST port
            await().atMost(Duration.ofSeconds(60)).until(() -> server.getLastRequest().getPath(),
                    path -> path.equals("/api/v1/namespaces/" + NAMESPACE + "/pods/s1-jm/portforward?ports=" + podPort));
        }
    }

    @Test
    void aClusterIpServiceWithoutReadyPodIsNotReachableYet() {
        restService("ClusterIP", null);
        jobManagerPod("s1-jm", "127.0.0.1", "Running", "False");
        jobManagerPod("s1-jm-pending", null, "Pending", "False");

        ClusterUnavailableException failure = assertThrows(ClusterUnavailableException.class, this::find);

        assertEquals("Cluster 's1' in namespace 'team-a' has no ready JobManager pod yet; try again once 'kubectl "
                + "get pods -n team-a -l app=s1,component=jobmanager' shows it Ready", failure.getMessage());
    }

    @Test
    void aMissingRestServiceMeansThereIsNoSuchCluster() {
        jobManagerPod("s1-jm", "127.0.0.1", "Running", "True");

        ClusterUnavailableException failure = assertThrows(ClusterUnavailableException.class, this::find);

        assertEquals("There is no cluster 's1' in namespace 'team-a' (no Service s1-rest); check "
                + "-Dkubernetes.cluster-id and -Dkubernetes.namespace, or start it with ./bin/kubernetes-session.sh "
                + "-Dkubernetes.cluster-id=s1", failure.getMessage());
    }

    /** One binary message of a port-forward stream: the channel's number, then the payload. */
    private static WebSocketMessage frame(int channel, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[bytes.length + 1];
        message[0] = (byte) channel;
        System.arraycopy(bytes, 0, message, 1, bytes.length);
        return new WebSocketMessage(10L, message, false, true);
    }

    private RestEndpoint find() {
        return new RestEndpointFinder(new SessionObjects(client, NAMESPACE, new KubernetesObjectNames("s1"))).find();
    }

    private void restService(String type, Integer nodePort) {
        client.services().inNamespace(NAMESPACE).resource(service(type, nodePort).build()).create();
    }

    private ServiceBuilder service(String type, Integer nodePort) {
        return new ServiceBuilder().withNewMetadata().withName("s1-rest").endMetadata().withNewSpec().withType(type)
                .withSelector(KubernetesLabels.selector("s1", KubernetesLabels.COMPONENT_JOBMANAGER)).addNewPort()
                .withName("rest").withPort(8081).withNewTargetPort(jobManagerRest.getLocalPort())
                .withNodePort(nodePort).endPort().endSpec();
    }

    private void jobManagerPod(String name, String ip, String phase, String ready) {
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(name)
                .withLabels(KubernetesLabels.jobManager("s1")).endMetadata().withNewStatus().withPhase(phase)
                .withPodIP(ip).addNewCondition().withType("Ready").withStatus(ready).endCondition().endStatus()
                .build()).create();
    }
}
