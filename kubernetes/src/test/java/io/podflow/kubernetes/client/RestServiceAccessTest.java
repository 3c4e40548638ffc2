package io.podflow.kubernetes.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestServiceAccessTest {

    @Test
    void clusterIpNeedsAPortForward() {
        RestServiceAccess access = RestServiceAccess.of(service("ClusterIP", null).build(), () -> "10.0.0.1");

        assertEquals(Optional.empty(), access.url());
        assertEquals("Run 'kubectl port-forward service/s1-rest 8081 -n team-a', then open http://localhost:8081",
                access.instructions());
    }

    @Test
    void nodePortIsReachedAtTheNodeAddress() {
        RestServiceAccess access = RestServiceAccess.of(service("NodePort", 30081).build(), () -> "10.0.0.1");

        assertEquals(Optional.of("http://10.0.0.1:30081"), access.url());
    }

    @Test
    void loadBalancerUsesItsExternalAddressOnceAssigned() {
        Service assigned = service("LoadBalancer", 30081).withNewStatus().withNewLoadBalancer().addNewIngress()
                .withIp("203.0.113.7").endIngress().endLoadBalancer().endStatus().build();

        assertEquals(Optional.of("http://203.0.113.7:8081"), RestServiceAccess.of(assigned, () -> "10.0.0.1").url());
    }

    @Test
    void loadBalancerWithoutAddressFallsBackToItsNodePortMeanwhile() {
        RestServiceAccess access = RestServiceAccess.of(service("LoadBalancer", 30081).build(), () -> "10.0.0.1");

        assertEquals(Optional.of("http://10.0.0.1:30081"), access.url());
        assertEquals("The REST endpoint is at http://10.0.0.1:30081 until the load balancer of s1-rest gets an "
                + "external address (kubectl get services/s1-rest)", access.instructions());
    }

    @Test
    void targetPortIsTheServicePortUnlessItNamesOrNumbersAnotherOne() {
        Pod pod = new PodBuilder().withNewMetadata().withName("s1-abc").endMetadata().withNewSpec().addNewContainer()
                .addNewPort().withName("rest").withContainerPort(9091).endPort().endContainer().endSpec().build();
        Service untargeted = service("ClusterIP", null).build();
        Service numbered = service("ClusterIP", null).editSpec().editFirstPort().withTargetPort(new IntOrString(9092))
                .endPort().endSpec().build();
        Service named = service("ClusterIP", null).editSpec().editFirstPort().withTargetPort(new IntOrString("rest"))
                .endPort().endSpec().build();

        assertEquals(8081, RestServiceAccess.targetPort(untargeted, pod));
        assertEquals(9092, RestServiceAccess.targetPort(numbered, pod));
        assertEquals(9091, RestServiceAccess.targetPort(named, pod));
    }

    private static ServiceBuilder service(String type, Integer nodePort) {
        return new ServiceBuilder().withNewMetadata().withName("s1-rest").withNamespace("team-a").endMetadata()
                .withNewSpec().withType(type).addNewPort().withName("rest").withPort(8081).withNodePort(nodePort)
                .endPort().endSpec();
    }
}
