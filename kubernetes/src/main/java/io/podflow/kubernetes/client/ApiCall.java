package io.podflow.kubernetes.client;

/**
 * One kind of Kubernetes API call, named as RBAC names it, e.g. {@code create pods} in a namespace.
 * {@code serviceAccount} is null when the caller is a person's kubeconfig user rather than a pod.
 */
public record ApiCall(String verb, String resource, String namespace, String serviceAccount) {
}
