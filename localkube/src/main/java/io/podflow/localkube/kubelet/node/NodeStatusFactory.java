package io.podflow.localkube.kubelet.node;

import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.Objects;

/** Builds the status a healthy node reports: Ready, no pressure, its address, capacity and kubelet port. */
public final class NodeStatusFactory {

    static final String KUBELET_VERSION = "v1.20.0-localkube";

    private final NodeCapacity capacity;
    private final String bootTime;

    public NodeStatusFactory(NodeCapacity capacity, String bootTime) {
        this.capacity = capacity;
        this.bootTime = bootTime;
    }

    /**
     * @param previous the status the API server holds now (null for a new node): a condition whose
     *     status is unchanged keeps its transition time, so a node that was NotReady or Unknown in
     *     between shows when it came back, as with a real kubelet
     */
    public NodeStatus status(NodeIdentity node, String now, NodeStatus previous) {
        Map<String, Quantity> resources = Map.of(
                "cpu", new Quantity(capacity.cpu()),
                "memory", new Quantity(capacity.memory()),
                "pods", new Quantity(capacity.pods()),
                "ephemeral-storage", new Quantity("100Gi"));
        return new NodeStatusBuilder()
                .withCapacity(resources)
                .withAllocatable(resources)
                .withConditions(
                        condition("Ready", "True", "KubeletReady", "localkube process kubelet is posting ready status",
                                now, previous),
                        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "", now, previous),
                        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "", now, previous),
                        condition("PIDPressure", "False", "KubeletHasSufficientPID", "", now, previous))
                .withAddresses(new NodeAddress(node.ip(), "InternalIP"), new NodeAddress(node.name(), "Hostname"))
                .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(NodeIdentity.KUBELET_PORT)
                .endKubeletEndpoint().endDaemonEndpoints()
                .withNewNodeInfo()
                .withKubeletVersion(KUBELET_VERSION)
                .withKubeProxyVersion(KUBELET_VERSION)
                .withOperatingSystem("linux")
                .withArchitecture("amd64")
                .withContainerRuntimeVersion("localkube-process://1")
                .withOsImage(System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .withKernelVersion(System.getProperty("os.version"))
                .withMachineID(node.name())
                .withSystemUUID(node.name())
                .withBootID(bootTime)
                .endNodeInfo()
                .build();
    }

    private static NodeCondition condition(String type, String status, String reason, String message, String now,
            NodeStatus previous) {
        String since = previous == null ? now : previous.getConditions().stream()
                .filter(condition -> type.equals(condition.getType()) && status.equals(condition.getStatus()))
                .map(NodeCondition::getLastTransitionTime)
                .filter(Objects::nonNull)
                .findFirst().orElse(now);
        return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastHeartbeatTime(now).withLastTransitionTime(since).build();
    }

}
