package io.podflow.localkube.kubelet.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ProbeCheckTest {

    @Test
    void tcpProbeByNamedPortPassesOnlyWhileThePodIpListens() throws IOException {
        Container container = new ContainerBuilder().withName("c").addNewPort().withName("rpc")
                .withContainerPort(0).endPort().build();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.9.9"), 0));
            container.getPorts().get(0).setContainerPort(server.getLocalPort());
            Probe probe = new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString("rpc")).endTcpSocket().build();

            assertTrue(ProbeCheck.of(probe, container, "127.0.9.9", null).passes());
            assertFalse(ProbeCheck.of(probe, container, "127.0.9.8", null).passes(),
                    "another pod IP must not answer for this one");
        }
    }
}
