package io.podflow.localkube.kubelet.node;

import java.util.ArrayList;
import java.util.List;

/** A node this kubelet runs: {@code localkube-node-N} at loopback address {@code 127.0.100.N}. */
public record NodeIdentity(String name, String ip) {

    public static final int KUBELET_PORT = 10250;

    public static List<NodeIdentity> numbered(int count) {
        if (count < 1 || count > 254) {
            throw new IllegalArgumentException("--nodes must be between 1 and 254, got " + count);
        }
        List<NodeIdentity> nodes = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            nodes.add(new NodeIdentity("localkube-node-" + n, "127.0.100." + n));
        }
        return nodes;
    }
}
