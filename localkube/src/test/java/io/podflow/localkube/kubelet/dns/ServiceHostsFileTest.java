package io.podflow.localkube.kubelet.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceHostsFileTest {

    private final List<Pod> pods = List.of(
            pod("jm-b", "a", "jobmanager", "127.0.1.2", "Running", true),
            pod("jm-a", "a", "jobmanager", "127.0.1.1", "Running", true),
            pod("jm-starting", "a", "jobmanager", "127.0.1.3", "Running", false),
            pod("jm-pending", "a", "jobmanager", null, "Pending", false),
            pod("jm-other-ns", "b", "jobmanager", "127.0.1.9", "Running", true));

    @Test
    void clusterIpServicePicksOneReadyPodAndHeadlessServiceAllReadyPods() {
        List<ServiceAddresses> addresses = ServiceAddressResolver.resolve(List.of(
                service("rest", "a", "10.96.0.4"), service("jm", "a", "None")), pods);

        assertEquals(List.of("127.0.1.1"), addresses.get(0).ips());
        assertEquals(List.of("127.0.1.1", "127.0.1.2"), addresses.get(1).ips());
    }

    @Test
    void serviceWithoutSelectorOrReadyPodsResolvesToNothing() {
        Service noSelector = new ServiceBuilder(service("manual", "a", "10.96.0.5")).editSpec().withSelector(null)
                .endSpec().build();
        List<ServiceAddresses> addresses = ServiceAddressResolver.resolve(List.of(noSelector,
                service("empty", "c", "None")), pods);

        assertEquals(1, addresses.size());
        assertEquals(List.of(), addresses.get(0).ips());
    }

    @Test
    void hostsFileNamesServicesFullyAndShortOnlyInThePodsNamespace() {
        List<ServiceAddresses> addresses = List.of(
                new ServiceAddresses("a", "jm", List.of("127.0.1.1"), Map.of()),
                new ServiceAddresses("b", "other", List.of("127.0.1.9"), Map.of()));

        String hosts = ServiceHostsFile.render("a", "tm-1", null, "127.0.2.7", addresses);

        assertTrue(hosts.contains("127.0.0.1\tlocalhost\n"), hosts);
        assertTrue(hosts.contains("127.0.2.7\ttm-1\n"), hosts);
        assertTrue(hosts.contains("127.0.1.1\tjm.a.svc.cluster.local jm.a.svc jm.a jm\n"), hosts);
        assertTrue(hosts.contains("127.0.1.9\tother.b.svc.cluster.local other.b.svc other.b\n"), hosts);
        assertFalse(hosts.contains("10."), hosts);
    }

    @Test
    void headlessServiceNamesPodsThatUseItAsSubdomain() {
        Pod named = new PodBuilder(pod("web-0", "a", "jobmanager", "127.0.1.4", "Running", true)).editSpec()
                .withHostname("web-0").withSubdomain("jm").endSpec().build();

        List<ServiceAddresses> addresses = ServiceAddressResolver.resolve(List.of(service("jm", "a", "None")),
                List.of(named));
        String hosts = ServiceHostsFile.render("a", "web-0", "jm", "127.0.1.4", addresses);

        assertTrue(hosts.contains("127.0.1.4\tweb-0.jm.a.svc.cluster.local web-0\n"), hosts);
        assertTrue(hosts.contains("127.0.1.4\tweb-0.jm.a.svc.cluster.local web-0.jm.a.svc web-0.jm.a\n"), hosts);
    }

    @Test
    void rewritingKeepsTheFilesInodeAndSkipsUnchangedContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hosts");
        assertTrue(HostsFileWriter.write(file, "127.0.0.1\tlocalhost\n"));
        Object inode = Files.getAttribute(file, "unix:ino");

        assertTrue(HostsFileWriter.write(file, "127.0.0.1\tlocalhost\n127.0.1.1\tjm\n"));
        assertFalse(HostsFileWriter.write(file, "127.0.0.1\tlocalhost\n127.0.1.1\tjm\n"));

        assertEquals(inode, Files.getAttribute(file, "unix:ino"));
        assertEquals("127.0.0.1\tlocalhost\n127.0.1.1\tjm\n", Files.readString(file));
    }

    private static Pod pod(String name, String namespace, String component, String ip, String phase, boolean ready) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("component", component).endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus().withPhase(phase).withPodIP(ip)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build();
    }

    private static Service service(String name, String namespace, String clusterIp) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withClusterIP(clusterIp).withSelector(Map.of("component", "jobmanager")).endSpec()
                .build();
    }
}
