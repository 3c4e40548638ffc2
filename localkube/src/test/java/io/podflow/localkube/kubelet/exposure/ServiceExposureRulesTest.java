package io.podflow.localkube.kubelet.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which addresses Services answer on, which address a LoadBalancer gets, and which pod a connection goes to. */
class ServiceExposureRulesTest {

    private static final List<String> NODES = List.of("127.0.100.1", "127.0.100.2");

    @Test
    void nodePortsAnswerOnEveryNodeAndLoadBalancersAlsoOnTheirOwnAddressAtTheServicePort() {
        Service nodePort = service("rest", "NodePort", new IntOrString(8081), 30081);
        Service loadBalancer = service("ui", "LoadBalancer", new IntOrString("http"), 30082);
        Service clusterIp = service("rpc", "ClusterIP", new IntOrString(6123), null);

        Map<ListenAddress, ServicePortRef> plan = ExposurePlan.of(List.of(nodePort, loadBalancer, clusterIp), NODES,
                service -> Optional.of("127.0.200.1"));

        ServicePortRef rest = new ServicePortRef("ns", "rest", 80);
        ServicePortRef ui = new ServicePortRef("ns", "ui", 80);
        assertEquals(Map.of(
                new ListenAddress("127.0.100.1", 30081), rest, new ListenAddress("127.0.100.2", 30081), rest,
                new ListenAddress("127.0.100.1", 30082), ui, new ListenAddress("127.0.100.2", 30082), ui,
                new ListenAddress("127.0.200.1", 80), ui), plan);
    }

    @Test
    void aLoadBalancerKeepsThePublishedAddressAndOthersGetFreeOnes() {
        LoadBalancerAddresses addresses = new LoadBalancerAddresses();

        assertEquals(Optional.of("127.0.200.7"), addresses.addressFor("ns/a", Optional.of("127.0.200.7")));
        assertEquals(Optional.of("127.0.200.1"), addresses.addressFor("ns/b", Optional.of("203.0.113.9")));
        assertEquals(Optional.of("127.0.200.2"), addresses.addressFor("ns/c", Optional.of("127.0.200.7")));
        assertEquals(Optional.of("127.0.200.7"), addresses.addressFor("ns/a", Optional.empty()));

        addresses.retainOnly(Set.of("ns/b", "ns/c"));
        assertEquals(Optional.of("127.0.200.3"), addresses.addressFor("ns/d", Optional.empty()));
        assertEquals(Optional.of("127.0.200.7"), addresses.addressFor("ns/a", Optional.of("127.0.200.7")));
    }

    @Test
    void connectionsGoToReadyPodsInTurnAtTheNamedTargetPort() {
        Service ui = service("ui", "LoadBalancer", new IntOrString("http"), 30082);
        List<Pod> pods = List.of(pod("jm-a", "127.0.1.1", true), pod("jm-b", "127.0.1.2", true),
                pod("jm-c", "127.0.1.3", false));
        ServiceBackends backends = new ServiceBackends(() -> List.of(ui), () -> pods);
        ServicePortRef ref = new ServicePortRef("ns", "ui", 80);

        assertEquals(Optional.of(new InetSocketAddress("127.0.1.1", 8081)), backends.pick(ref));
        assertEquals(Optional.of(new InetSocketAddress("127.0.1.2", 8081)), backends.pick(ref));
        assertEquals(Optional.of(new InetSocketAddress("127.0.1.1", 8081)), backends.pick(ref));
        assertEquals(Optional.empty(), backends.pick(new ServicePortRef("ns", "ui", 81)));
        assertEquals(Optional.empty(), new ServiceBackends(() -> List.of(ui), () -> pods.subList(2, 3)).pick(ref));
    }

    private static Service service(String name, String type, IntOrString targetPort, Integer nodePort) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace("ns").endMetadata()
                .withNewSpec().withType(type).addToSelector("app", "jm")
                .addNewPort().withPort(80).withTargetPort(targetPort).withNodePort(nodePort).withProtocol("TCP").endPort()
                .endSpec().build();
    }

    private static Pod pod(String name, String ip, boolean ready) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").addToLabels("app", "jm").endMetadata()
                .withNewSpec().addNewContainer().withName("main").addNewPort().withName("http").withContainerPort(8081)
                .endPort().endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build();
    }
}
