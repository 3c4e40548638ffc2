package io.podflow.localkube.kubelet.node;

/** What each node offers the scheduler, in Kubernetes quantity notation (e.g. {@code 8}, {@code 32Gi}, {@code 110}). */
public record NodeCapacity(String cpu, String memory, String pods) {

    public static final NodeCapacity DEFAULT = new NodeCapacity("8", "32Gi", "110");
}
