package io.podflow.kubernetes.client;

/** One kind of Kubernetes API call, named as RBAC names it, e.g. {@code create pods} in a namespace. */
public record ApiCall(String verb, String resource, String namespace, String serviceAccount) {
}
