package io.podflow.localkube.kubelet.env;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.node.NodeCapacity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A container's resource request or limit as {@code resourceFieldRef} exposes it (rounded up to the divisor). */
final class ResourceFieldValue {

    private ResourceFieldValue() {
    }

    static String of(Container container, ResourceFieldSelector selector, NodeCapacity node) {
        String[] parts = selector.getResource().split("\\.", 2);
        if (parts.length != 2 || !(parts[0].equals("limits") || parts[0].equals("requests"))) {
            throw new ContainerConfigException("unsupported resourceFieldRef " + selector.getResource());
        }
        var resources = container.getResources();
        Map<String, Quantity> values = resources == null ? null
                : parts[0].equals("limits") ? resources.getLimits() : resources.getRequests();
        Quantity quantity = values == null ? null : values.get(parts[1]);
        if (quantity == null && parts[0].equals("limits")) {
            // an unset limit reads as the node's allocatable
            quantity = new Quantity(parts[1].equals("cpu") ? node.cpu()
                    : parts[1].equals("memory") ? node.memory() : "0");
        }
        if (quantity == null) {
            return "0";
        }
        BigDecimal divisor = selector.getDivisor() == null ? BigDecimal.ONE
                : selector.getDivisor().getNumericalAmount();
        return quantity.getNumericalAmount().divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }
}
